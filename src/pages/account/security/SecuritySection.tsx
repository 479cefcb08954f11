import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { Who } from '../../../api/resources/security';
import { useTranslation } from '../../../app/i18n';
import { RenderGuard } from '../../../components/RenderGuard';
import { AuthKeysCard } from './AuthKeysCard';
import { MfaCard } from './MfaCard';
import { PasswordCard } from './PasswordCard';
import { SessionsCard } from './SessionsCard';

/** Account › Security: MFA, password, auth keys and sessions, for the root account or the SAM user signed in. */
export function SecuritySection({ who }: { who: Who }) {
  const { t } = useTranslation();
  // After a password or MFA change, signing out other sessions is suggested.
  const [changed, setChanged] = useState(false);
  const onChanged = () => setChanged(true);
  return (
    <Stack>
      <Title order={2} size="h3" mt="md">
        {t('account.security')}
      </Title>
      <RenderGuard>
        <MfaCard who={who} onChanged={onChanged} />
      </RenderGuard>
      <RenderGuard>
        <PasswordCard who={who} onChanged={onChanged} />
      </RenderGuard>
      <RenderGuard>
        <SessionsCard who={who} suggest={changed} />
      </RenderGuard>
      <RenderGuard>
        <AuthKeysCard who={who} />
      </RenderGuard>
    </Stack>
  );
}
