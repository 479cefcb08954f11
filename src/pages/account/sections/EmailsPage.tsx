import { Alert, Stack } from '@mantine/core';
import { useSession } from '../../../api/session';
import { useTranslation } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { RenderGuard } from '../../../components/RenderGuard';
import { AccountNav } from '../AccountNav';
import { AddEmailCard } from './AddEmailCard';
import { EmailSettingsCard } from './EmailSettingsCard';
import { EmailsCard } from './EmailsCard';

/** Account › Email addresses: the addresses, which gets which mail, adding one by the token mailed to it. */
export function EmailsPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <AccountNav />
      {session?.userName ? (
        <Alert color="yellow" role="status" maw={720}>
          {t('accountArea.emails.rootOnly')}
        </Alert>
      ) : (
        <Stack maw={900}>
          <RenderGuard>
            <EmailsCard />
          </RenderGuard>
          <RenderGuard>
            <AddEmailCard />
          </RenderGuard>
          <RenderGuard>
            <EmailSettingsCard />
          </RenderGuard>
        </Stack>
      )}
    </>
  );
}
