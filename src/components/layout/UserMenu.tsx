import { Badge, Button, Group, Text, VisuallyHidden } from '@mantine/core';
import type { Session } from '../../api/session';
import { enumLabel, useTranslation } from '../../app/i18n';
import { useLogout } from '../session/useLogout';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { LanguageSwitch } from './LanguageSwitch';

export function UserMenu({ session }: { session: Session }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const who = session.userName ? `${session.operatorId} / ${session.userName}` : (session.email ?? session.operatorId);
  return (
    <Group gap="xs" wrap="nowrap">
      <Badge variant="light" visibleFrom="sm" aria-label={t('nav.endpointLabel')}>
        {enumLabel(t, 'endpoints', session.endpoint)}
      </Badge>
      <Text size="sm" visibleFrom="md" data-testid="signed-in-as">
        <VisuallyHidden>{t('nav.signedInAs')} </VisuallyHidden>
        {who}
      </Text>
      <LanguageSwitch />
      <ColorSchemeToggle />
      <Button variant="default" size="xs" onClick={logout.run} loading={logout.pending}>
        {t('nav.signOut')}
      </Button>
    </Group>
  );
}
