import { Paper, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from '../../app/i18n';
import { UsageChart } from '../usage/UsageChart';

const simPeriods = ['day', 'month', 'minutes'] as const;

/** The SIM's Air data usage by day, month or 5 minutes (strings from the `money` catalogue part, loaded by the route). */
export function SimUsage({ simId }: { simId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" mb="sm" id={headingId}>
        {t('usage.sim')}
      </Title>
      <UsageChart subject={{ kind: 'sim', simId }} periods={simPeriods} title={t('usage.sim')} />
    </Paper>
  );
}
