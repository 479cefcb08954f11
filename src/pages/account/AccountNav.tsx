import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { ScreenId } from '../../api/screenOperations';
import { useSession } from '../../api/session';
import { type MessageKey, useTranslation } from '../../app/i18n';
import { useAccess } from '../../components/access/useAccess';

/**
 * The sections of the account area, each at its own address. `/account` keeps what it showed before the area had
 * sections (the operator and its security); the email addresses are the root account's alone, and a SAM user sees
 * the sections its permissions open.
 */
const sections: readonly { to: string; key: MessageKey; screen: ScreenId; rootOnly?: boolean }[] = [
  { to: '/account', key: 'accountArea.nav.overview', screen: 'account' },
  { to: '/account/profile', key: 'accountArea.nav.profile', screen: 'accountProfile' },
  { to: '/account/emails', key: 'accountArea.nav.emails', screen: 'accountEmails', rootOnly: true },
  { to: '/account/contracts', key: 'accountArea.nav.contracts', screen: 'accountContracts' },
  { to: '/account/coverage', key: 'accountArea.nav.coverage', screen: 'accountCoverage' },
];

export function AccountNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const samUser = Boolean(useSession()?.userName);
  const access = useAccess();
  return (
    <nav aria-label={t('accountArea.nav.label')}>
      <Group gap="xs" mb="md">
        {sections
          .filter((section) => !(section.rootOnly && samUser) && access.mayOpen(section.screen))
          .map((section) => {
            const current = pathname === section.to;
            return (
              <Button
                key={section.to}
                component={Link}
                to={section.to}
                size="compact-sm"
                variant={current ? 'filled' : 'default'}
                aria-current={current ? 'page' : undefined}
              >
                {t(section.key)}
              </Button>
            );
          })}
      </Group>
    </nav>
  );
}
