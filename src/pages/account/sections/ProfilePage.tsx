import { Alert, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { accountQueries } from '../../../api/resources/account';
import { useSession } from '../../../api/session';
import { useTranslation } from '../../../app/i18n';
import { useAccess } from '../../../components/access/useAccess';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { AccountNav } from '../AccountNav';
import { ContactForm } from './ContactForm';

/** Account › Profile: the operator's company or individual contact information. */
export function ProfilePage() {
  const { t } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const refusal = useAccess().refusal('Operator:getCompanyInformation');
  const contact = useQuery({ ...accountQueries.contact(operatorId), enabled: refusal === null });
  return (
    <>
      <PageHeader title={t('account.title')} />
      <AccountNav />
      <Paper withBorder p="md" radius="md" maw={720}>
        <Stack>
          <Title order={3} size="h4">
            {t('accountArea.profile.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('accountArea.profile.intro')}
          </Text>
          {refusal ? (
            <Alert color="yellow" role="status">
              {refusal}
            </Alert>
          ) : contact.error ? (
            <ErrorAlert error={contact.error} />
          ) : contact.isPending ? (
            <Skeleton height={200} />
          ) : (
            <ContactForm key={contact.dataUpdatedAt} contact={contact.data ?? null} />
          )}
        </Stack>
      </Paper>
    </>
  );
}
