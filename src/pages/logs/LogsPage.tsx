/** Error logs, filtered by service, SIM (IMSI) and time, newest first, older pages on demand. */
import { Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { errorLogQueries, type LogFilter, type LogService, logServices } from '../../api/resources/errorLogs';
import { useTranslation } from '../../app/i18n';
import { ScreenGate } from '../../components/access/ScreenGate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LogFilterForm, MoreButton, TimeRangeFields } from '../../components/pagedLog/PagedLogControls';
import { usePagedLog } from '../../components/pagedLog/usePagedLog';
import { LogsTable } from './LogsTable';

/** A `datetime-local` value read as UTC; undefined when empty or not a time. */
const utc = (value: string): number | undefined => {
  const ms = value ? Date.parse(`${value}Z`) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
};

export function LogsPage() {
  return (
    <ScreenGate screen="logs">
      <Logs />
    </ScreenGate>
  );
}

function Logs() {
  const { t } = useTranslation();
  const log = usePagedLog({
    draft: { service: '', imsi: '', from: '', to: '' },
    toFilter: (draft): LogFilter => ({
      service: (draft.service || undefined) as LogService | undefined,
      imsi: draft.imsi.trim() || undefined,
      from: utc(draft.from),
      to: utc(draft.to),
    }),
    page: errorLogQueries.page,
  });
  return (
    <>
      <PageHeader title={t('logs.title')} />
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {t('logs.about')}
      </Text>
      <Stack>
        <Paper withBorder p="md" radius="md">
          <LogFilterForm label={t('logs.filters')} submitLabel={t('logs.search')} onSearch={log.search}>
            <Select
              size="xs"
              label={t('logs.service')}
              value={log.draft.service}
              allowDeselect={false}
              onChange={(value) => log.edit('service', value ?? '')}
              data={[{ value: '', label: t('logs.allServices') }, ...logServices.map((s) => ({ value: s, label: s }))]}
            />
            <TextInput
              size="xs"
              label={t('logs.imsi')}
              maxLength={20}
              value={log.draft.imsi}
              onChange={(e) => log.edit('imsi', e.currentTarget.value)}
            />
            <TimeRangeFields
              labels={{ from: t('logs.from'), to: t('logs.to') }}
              from={log.draft.from}
              to={log.draft.to}
              onChange={log.edit}
            />
          </LogFilterForm>
        </Paper>
        {log.error ? <ErrorAlert error={log.error} /> : null}
        <Paper withBorder radius="md">
          <LogsTable entries={log.entries} pending={log.firstPending} label={t('logs.tableLabel')} />
          {log.firstLoaded && log.entries.length === 0 ? (
            <Text p="md" c="dimmed">
              {t('logs.empty')}
            </Text>
          ) : null}
        </Paper>
        <Group>
          <MoreButton log={log} label={t('logs.more')} />
        </Group>
      </Stack>
    </>
  );
}
