import { Paper, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { accountChanges, accountQueries, type EmailSettings } from '../../../api/resources/account';
import { useSession } from '../../../api/session';
import { useChange } from '../../../api/useChange';
import { useTranslation } from '../../../app/i18n';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';

/** The Email namespace of the operator configuration: invoice PDFs with the billing mail, data-usage mails. */
export function EmailSettingsCard() {
  const { t } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const settings = useQuery(accountQueries.emailSettings(operatorId));
  const save = useChange(accountChanges.setEmailSettings(operatorId));
  const current = (settings.data?.configuration ?? {}) as EmailSettings;
  const attachPdf = current.billing?.attachInvoicePdfEnabled ?? false;
  const bundleOff = current.notification?.exceedBundleDisabled ?? false;

  function change(next: EmailSettings) {
    void save.submit({ configuration: { ...current, ...next }, expectedVersion: settings.data?.version ?? 0 });
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Title order={3} size="h4">
          {t('accountArea.emails.settingsTitle')}
        </Title>
        {settings.error ? <ErrorAlert error={settings.error} /> : null}
        {settings.isPending ? (
          <Skeleton height={60} />
        ) : (
          <>
            <Switch
              label={t('accountArea.emails.attachPdf')}
              description={t('accountArea.emails.attachPdfHelp')}
              checked={attachPdf}
              disabled={save.pending}
              onChange={(e) => change({ billing: { attachInvoicePdfEnabled: e.currentTarget.checked } })}
            />
            <Switch
              label={t('accountArea.emails.bundleOff')}
              description={t('accountArea.emails.bundleOffHelp')}
              checked={bundleOff}
              disabled={save.pending}
              onChange={(e) => change({ notification: { exceedBundleDisabled: e.currentTarget.checked } })}
            />
            <Text size="xs" c="dimmed">
              {t('accountArea.emails.settingsNote')}
            </Text>
          </>
        )}
        <FormError error={save.error} retryIn={save.retryIn} />
      </Stack>
    </Paper>
  );
}
