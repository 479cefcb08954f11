import { Button, Group, Paper, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { type AuditLogFilter, auditLogQueries } from '../../../api/resources/auditLogs';
import { useTranslation } from '../../../app/i18n';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableScroll } from '../../../components/TableScroll';
import { downloadText } from '../../../lib/csv';
import { formatDateTime } from '../../../lib/format';
import { auditCsv, filterEntries, localToEpoch, statusOf } from './auditRows';

export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [apiKind, setApiKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [user, setUser] = useState('');
  const [path, setPath] = useState('');
  const [applied, setApplied] = useState<AuditLogFilter>({});
  // The pages loaded so far, by the key each starts after (the first: none).
  const [keys, setKeys] = useState<(string | undefined)[]>([undefined]);
  const pages = useQueries({ queries: keys.map((key) => auditLogQueries.page(applied, key)) });
  const entries = pages.flatMap((page) => page.data?.items ?? []);
  // An entry's place in the loaded log is its identity: two calls can share a millisecond, path and caller.
  const keyOf = new Map(entries.map((entry, index) => [entry, `entry-${index}`]));
  const shown = filterEntries(entries, user, path);
  const last = pages.at(-1);
  const nextKey = last?.data?.nextKey ?? null;
  const error = pages.find((page) => page.error)?.error;

  function search() {
    setApplied({ apiKind: apiKind.trim() || undefined, fromEpochMs: localToEpoch(from), toEpochMs: localToEpoch(to) });
    setKeys([undefined]);
  }

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
          <form
            aria-label={t('team.audit.filters')}
            onSubmit={(event) => {
              event.preventDefault();
              search();
            }}
          >
            <Group align="flex-end" gap="sm">
              <TextInput
                size="xs"
                label={t('team.audit.apiKind')}
                description={t('team.audit.apiKindHelp')}
                value={apiKind}
                onChange={(e) => setApiKind(e.currentTarget.value)}
                placeholder="/v1/sims"
              />
              <TextInput
                size="xs"
                type="datetime-local"
                label={t('team.audit.from')}
                value={from}
                onChange={(e) => setFrom(e.currentTarget.value)}
              />
              <TextInput
                size="xs"
                type="datetime-local"
                label={t('team.audit.to')}
                value={to}
                onChange={(e) => setTo(e.currentTarget.value)}
              />
              <Button size="xs" type="submit">
                {t('team.audit.search')}
              </Button>
            </Group>
          </form>
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
        {error ? <ErrorAlert error={error} /> : null}
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
          {last?.isPending ? <Skeleton height={14} m="md" /> : null}
          <Group p="sm" justify="space-between">
            <Text size="sm" role="status">
              {t('team.audit.count', { shown: shown.length, loaded: entries.length })}
            </Text>
            <Button
              size="xs"
              variant="default"
              disabled={!nextKey || last?.isFetching}
              onClick={() => nextKey && setKeys((k) => [...k, nextKey])}
            >
              {t('team.audit.more')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </>
  );
}
