import { Button, Group, Paper, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type AuditLogFilter, auditLogQueries } from '../../../api/resources/auditLogs';
import { useTranslation } from '../../../app/i18n';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { LogFilterForm, MoreButton, TimeRangeFields } from '../../../components/pagedLog/PagedLogControls';
import { usePagedLog } from '../../../components/pagedLog/usePagedLog';
import { TableScroll } from '../../../components/TableScroll';
import { downloadText } from '../../../lib/csv';
import { formatDateTime } from '../../../lib/format';
import { auditCsv, filterEntries, localToEpoch, statusOf } from './auditRows';

export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const log = usePagedLog({
    draft: { apiKind: '', from: '', to: '' },
    toFilter: (draft): AuditLogFilter => ({
      apiKind: draft.apiKind.trim() || undefined,
      fromEpochMs: localToEpoch(draft.from),
      toEpochMs: localToEpoch(draft.to),
    }),
    page: auditLogQueries.page,
  });
  // What the API does not filter, applied to the loaded entries as it is typed.
  const [user, setUser] = useState('');
  const [path, setPath] = useState('');
  const entries = log.entries;
  // An entry's place in the loaded log is its identity: two calls can share a millisecond, path and caller.
  const keyOf = new Map(entries.map((entry, index) => [entry, `entry-${index}`]));
  const shown = filterEntries(entries, user, path);

  return (
    <>
      <PageHeader title={t('team.audit.title')}>
        <Button
          size="xs"
          variant="default"
          disabled={shown.length === 0}
          onClick={() => downloadText(auditCsv(shown), 'api-audit-log.csv')}
        >
          {t('team.audit.export')}
        </Button>
      </PageHeader>
      <Stack>
        <Paper withBorder p="md" radius="md">
          <LogFilterForm label={t('team.audit.filters')} submitLabel={t('team.audit.search')} onSearch={log.search}>
            <TextInput
              size="xs"
              label={t('team.audit.apiKind')}
              description={t('team.audit.apiKindHelp')}
              value={log.draft.apiKind}
              onChange={(e) => log.edit('apiKind', e.currentTarget.value)}
              placeholder="/v1/sims"
            />
            <TimeRangeFields
              labels={{ from: t('team.audit.from'), to: t('team.audit.to') }}
              from={log.draft.from}
              to={log.draft.to}
              onChange={log.edit}
            />
          </LogFilterForm>
          <Group align="flex-end" gap="sm" mt="sm">
            <TextInput
              size="xs"
              label={t('team.audit.user')}
              description={t('team.audit.userHelp')}
              value={user}
              onChange={(e) => setUser(e.currentTarget.value)}
            />
            <TextInput
              size="xs"
              label={t('team.audit.path')}
              value={path}
              onChange={(e) => setPath(e.currentTarget.value)}
              placeholder="/v1/sims/"
            />
          </Group>
          <Text size="xs" c="dimmed" mt="xs">
            {t('team.audit.loadedOnly')}
          </Text>
        </Paper>
        {log.error ? <ErrorAlert error={log.error} /> : null}
        <Paper withBorder radius="md">
          <TableScroll label={t('team.audit.tableLabel')}>
            <Table striped verticalSpacing={4} aria-label={t('team.audit.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('team.audit.time')}</Table.Th>
                  <Table.Th scope="col">{t('team.audit.who')}</Table.Th>
                  <Table.Th scope="col">{t('team.audit.operation')}</Table.Th>
                  <Table.Th scope="col">{t('team.audit.requestPath')}</Table.Th>
                  <Table.Th scope="col">{t('team.audit.address')}</Table.Th>
                  <Table.Th scope="col">{t('team.audit.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((entry) => (
                  <Table.Tr key={keyOf.get(entry)}>
                    <Table.Td>{formatDateTime(entry.requestedTimeEpochMs, i18n.language)}</Table.Td>
                    <Table.Td>{entry.userName || t('team.audit.root')}</Table.Td>
                    <Table.Td ff="monospace">{entry.apiKind}</Table.Td>
                    <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {entry.requestPath}
                    </Table.Td>
                    <Table.Td ff="monospace">{entry.remoteIpAddress}</Table.Td>
                    <Table.Td>{statusOf(entry) ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {log.lastPending ? <Skeleton height={14} m="md" /> : null}
          <Group p="sm" justify="space-between">
            <Text size="sm" role="status">
              {t('team.audit.count', { shown: shown.length, loaded: entries.length })}
            </Text>
            <MoreButton log={log} label={t('team.audit.more')} />
          </Group>
        </Paper>
      </Stack>
    </>
  );
}
