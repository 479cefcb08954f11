import { Badge, Button, Group, NativeSelect, Paper, ScrollArea, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { groupName, groupQueries } from '../../api/queries/groups';
import { simQueries } from '../../api/queries/sims';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { simColumns } from './simColumns';
import { pageSizes, usePaging } from './usePaging';

export function SimsPage() {
  const { t } = useTranslation();
  const paging = usePaging();
  const [params, setParams] = useSearchParams();
  const groupId = params.get('group_id') ?? undefined;
  const sims = useQuery(simQueries.list({ limit: paging.limit, lastKey: paging.lastKey, groupId }));
  const groups = useQuery(groupQueries.list());
  const groupMap = useMemo(() => new Map((groups.data ?? []).map((g) => [g.groupId ?? '', g])), [groups.data]);
  const rows = sims.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('sims.title')}>
        <Button variant="default" size="xs" onClick={() => void sims.refetch()} loading={sims.isFetching}>
          {t('common.refresh')}
        </Button>
      </PageHeader>
      {groupId ? (
        <Group gap="xs" mb="sm">
          <Badge variant="default" tt="none" size="lg">
            {t('sims.filter.group', { name: groupName(groupMap.get(groupId)) ?? groupId })}
          </Badge>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => {
              const next = new URLSearchParams(params);
              next.delete('group_id');
              next.delete('after');
              setParams(next);
            }}
          >
            {t('sims.filter.clear')}
          </Button>
        </Group>
      ) : null}
      {sims.error ? <ErrorAlert error={sims.error} /> : null}
      <Paper withBorder radius="md">
        <ScrollArea type="auto">
          <Table striped highlightOnHover stickyHeader verticalSpacing="xs" aria-label={t('sims.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                {simColumns.map((column) => (
                  <Table.Th key={column.id} scope="col" style={{ whiteSpace: 'nowrap' }}>
                    {column.header(t)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody aria-busy={sims.isPending}>
              {sims.isPending
                ? Array.from({ length: 8 }, (_, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
                    <Table.Tr key={i}>
                      {simColumns.map((column) => (
                        <Table.Td key={column.id}>
                          <Skeleton height={14} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))
                : rows.map((sim) => (
                    <Table.Tr key={sim.simId}>
                      {simColumns.map((column) => (
                        <Table.Td key={column.id} style={{ whiteSpace: 'nowrap' }}>
                          {column.cell(sim, { groups: groupMap, t })}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {!sims.isPending && rows.length === 0 && !sims.error ? (
          <Text p="md" c="dimmed">
            {t('sims.empty')}
          </Text>
        ) : null}
      </Paper>
      <Group justify="space-between" mt="sm">
        <NativeSelect
          size="xs"
          label={t('common.pageSize')}
          value={String(paging.limit)}
          onChange={(event) => paging.setLimit(Number(event.currentTarget.value))}
          data={pageSizes.map(String)}
        />
        <Group gap="xs" role="navigation" aria-label={t('common.pagination')}>
          <Text size="sm" aria-live="polite">
            {t('common.pageN', { page: paging.page })}
          </Text>
          <Button variant="default" size="xs" disabled={!paging.hasPrevious} onClick={paging.previous}>
            {t('common.previous')}
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={!sims.data?.nextKey || sims.isPlaceholderData}
            onClick={() => sims.data?.nextKey && paging.next(sims.data.nextKey)}
          >
            {t('common.next')}
          </Button>
        </Group>
      </Group>
    </>
  );
}
