import { Paper, Text } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';

/** Billing dashboards arrive with their own work item; until then the page says so plainly. */
export function BillingPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('billing.title')} />
      <Paper withBorder p="md" radius="md">
        <Text>{t('billing.notYet')}</Text>
      </Paper>
    </>
  );
}
