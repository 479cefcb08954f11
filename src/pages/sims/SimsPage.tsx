import { Button, Group, NativeSelect, Paper, SegmentedControl, Text } from '@mantine/core';
import { useViewportSize } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { groupName, groupQueries } from '../../api/resources/groups';
import { type Sim, simQueries } from '../../api/resources/sims';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCoverage } from '../../components/layout/useCoverage';
import { PageHeader } from '../../components/PageHeader';
import { formatTime } from '../../lib/format';
import { isStringArray, usePreference } from '../../lib/preferences';
import { hasSearch, parseView, type SimView, writeView } from '../../lib/simQuery';
import { type SimRow, toSimRow } from '../../lib/simRow';
import { RegisterSimButton } from './actions/RegisterSimDialog';
import { BulkBar } from './BulkBar';
import { coverageSources } from './bothCoverages';
import { ColumnChooser } from './ColumnChooser';
import { ExportButton } from './ExportButton';
import { FleetPanel, useFleetRows } from './FleetPanel';
import { fleetLoader } from './fleetLoader';
import { RowMenu } from './RowMenu';
import { SavedViews } from './SavedViews';
import { SimFilters } from './SimFilters';
import { SimGrid } from './SimGrid';
import { type ColumnContext, coverageColumn, defaultColumnIds, simColumns } from './simColumns';
import { pageSizes, usePaging } from './usePaging';

/** Session status on a shown page is refreshed this often while the tab is visible. */
export const sessionRefreshMs = 30_000;

const validColumns = (value: unknown): value is string[] =>
  isStringArray(value) && value.length > 0 && value.every((id) => simColumns.some((c) => c.id === id));

const rowMenu = (row: SimRow) => <RowMenu row={row} />;

export function SimsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const cov = useCoverage();
  const urlView = useMemo(() => parseView(params), [params]);
  // The view of both coverages loads every page of each, as the whole-fleet mode does, and filters and sorts here.
  const combined = urlView.both && cov.switchable && cov.twin !== null;
  // A link to the view of both coverages waits to know whether the account has both, rather than read one first.
  const waiting = urlView.both && !cov.known;
  const view = useMemo(() => ({ ...urlView, fleet: urlView.fleet || combined }), [urlView, combined]);
  const sources = useMemo(
    () => (combined ? coverageSources(cov.endpoint, cov.twin, cov.endpoints) : undefined),
    [combined, cov.endpoint, cov.twin, cov.endpoints],
  );
  const paging = usePaging();
  const [columnIds, setColumnIds] = usePreference<string[]>('simColumns', defaultColumnIds, validColumns);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const groups = useQuery(groupQueries.list());
  const twinGroups = useQuery({ ...groupQueries.listOn(cov.twin ?? ''), enabled: combined });
  const groupMap = useMemo(
    () =>
      new Map([...(groups.data ?? []), ...(combined ? (twinGroups.data ?? []) : [])].map((g) => [g.groupId ?? '', g])),
    [groups.data, twinGroups.data, combined],
  );
  const { height: viewportHeight } = useViewportSize();
  const queryClient = useQueryClient();

  // An action from a row menu puts the updated SIM in the cache: the loaded fleet takes it too.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'success') return;
        const [scope, kind] = event.query.queryKey as unknown[];
        const sim = event.query.state.data as Sim | undefined;
        if (scope === 'sims' && kind === 'detail' && sim?.simId) fleetLoader.update([toSimRow(sim)]);
      }),
    [queryClient],
  );

  const search = useMemo(() => ({ filters: view.filters, searchType: view.searchType }), [view]);
  const page = useQuery({
    ...simQueries.list({ limit: paging.limit, lastKey: paging.lastKey, search }),
    enabled: !view.fleet && !waiting,
    refetchInterval: sessionRefreshMs,
    refetchIntervalInBackground: false,
  });
  const pageRows = useMemo(() => (page.data?.items ?? []).map(toSimRow), [page.data]);
  const now = page.dataUpdatedAt || Date.now();
  const fleet = useFleetRows(view, now, sources);
  const rows: SimRow[] = view.fleet ? fleet.rows : pageRows;
  const columns = useMemo(() => {
    const chosen = simColumns.filter((c) => columnIds.includes(c.id));
    return combined ? [coverageColumn, ...chosen] : chosen;
  }, [columnIds, combined]);
  // In the view of both coverages, actions apply to this coverage's SIMs: the other's are opened (in their coverage).
  const here = cov.coverage;
  const actionable = useMemo(() => (combined ? (row: SimRow) => row.coverage === here : undefined), [combined, here]);
  const menuFor = useMemo(
    () => (actionable ? (row: SimRow) => (actionable(row) ? rowMenu(row) : null) : rowMenu),
    [actionable],
  );
  const ctxNow = view.fleet ? fleet.now : now;
  // Stable between renders, so the table's rows (memoised) are not drawn again while scrolling.
  const ctx: ColumnContext = useMemo(
    () => ({ groups: groupMap, t, locale: i18n.language, now: ctxNow }),
    [groupMap, t, i18n.language, ctxNow],
  );
  const toggle = useCallback(
    (simId: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(simId)) next.delete(simId);
        else next.add(simId);
        return next;
      }),
    [],
  );

  // The view of both coverages is loaded whole, but the URL keeps the mode chosen for one coverage.
  const toUrl = (next: SimView): SimView => (combined && next.both ? { ...next, fleet: urlView.fleet } : next);

  function changeView(next: SimView) {
    const nextParams = writeView(toUrl(next), params);
    // A new search starts from its first page; the selection belonged to the old one.
    if (JSON.stringify(next.filters) !== JSON.stringify(view.filters) || next.searchType !== view.searchType) {
      nextParams.delete('after');
      setSelected(new Set());
    }
    setParams(nextParams);
  }

  const selectedRows = useMemo(() => rows.filter((row) => selected.has(row.simId)), [rows, selected]);
  const height = Math.max(360, viewportHeight - 330);
  const loadingTable = view.fleet ? fleet.loading && rows.length === 0 : page.isPending;
  // A saved view keeps the filters, mode, sort and page size, not the page it was on.
  const currentQuery = (() => {
    const saved = writeView(toUrl(view), params);
    saved.delete('after');
    return saved.toString();
  })();

  return (
    <>
      <PageHeader title={t('sims.title')}>
        <RegisterSimButton />
        <ExportButton view={view} fleetRows={view.fleet ? fleet.rows : null} columns={columns} ctx={ctx} />
        <SavedViews current={currentQuery} onOpen={(query) => setParams(new URLSearchParams(query))} />
        <ColumnChooser visible={columnIds} onChange={setColumnIds} />
      </PageHeader>
      <SimFilters view={view} onChange={changeView} groupNames={(id) => groupName(groupMap.get(id))} />
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Group gap="sm">
          {cov.switchable ? (
            <SegmentedControl
              size="xs"
              aria-label={t('simTable.coverage.label')}
              value={combined ? 'both' : 'one'}
              onChange={(scope) => {
                setSelected(new Set());
                changeView({ ...urlView, both: scope === 'both', coverage: null });
              }}
              data={[
                { value: 'one', label: t('simTable.coverage.one') },
                { value: 'both', label: t('simTable.coverage.both') },
              ]}
            />
          ) : null}
          {combined ? null : (
            <SegmentedControl
              size="xs"
              aria-label={t('simTable.mode.label')}
              value={view.fleet ? 'fleet' : 'pages'}
              onChange={(mode) => {
                setSelected(new Set());
                changeView({ ...view, fleet: mode === 'fleet' });
              }}
              data={[
                { value: 'pages', label: t('simTable.mode.pages') },
                { value: 'fleet', label: t('simTable.mode.fleet') },
              ]}
            />
          )}
        </Group>
        {!view.fleet ? (
          <Group gap="xs">
            {/* Takes its room before the first answer (hidden), so the table below does not move when it comes. */}
            <Text
              size="xs"
              c="dimmed"
              aria-live="polite"
              style={{ visibility: page.dataUpdatedAt ? 'visible' : 'hidden' }}
            >
              {t('simTable.updated', { time: formatTime(page.dataUpdatedAt || Date.now(), i18n.language) })}
            </Text>
            <Button variant="default" size="xs" onClick={() => void page.refetch()} loading={page.isFetching}>
              {t('common.refresh')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {combined ? (
        <Text size="sm" c="dimmed" mb="xs">
          {t('simTable.coverage.hint')}
        </Text>
      ) : null}
      {view.fleet ? <FleetPanel view={view} onChange={changeView} fleet={fleet} /> : null}
      <BulkBar
        selected={selectedRows}
        total={rows.length}
        onClear={() => setSelected(new Set())}
        onDone={(updated) => fleet.update(updated)}
      />
      {!view.fleet && page.error ? <ErrorAlert error={page.error} /> : null}
      <Paper withBorder radius="md">
        <SimGrid
          label={t('sims.tableLabel')}
          rows={rows}
          columns={columns}
          ctx={ctx}
          loading={view.fleet ? fleet.loading : page.isPending}
          // Until the first rows come, as tall as a full page will be: what is below the table stays where it is.
          height={Math.min(height, Math.max(loadingTable ? paging.limit : rows.length, 3) * 40 + 45)}
          sort={view.fleet ? view.sort : null}
          onSort={
            view.fleet
              ? (column) =>
                  changeView({
                    ...view,
                    sort:
                      view.sort?.column === column && view.sort.direction === 'asc'
                        ? { column, direction: 'desc' }
                        : { column, direction: 'asc' },
                  })
              : undefined
          }
          selected={selected}
          onToggle={toggle}
          onToggleAll={(select) =>
            setSelected(
              select ? new Set(rows.filter((row) => actionable?.(row) ?? true).map((row) => row.simId)) : new Set(),
            )
          }
          selectable={actionable}
          rowMenu={menuFor}
        />
        {!(view.fleet ? fleet.loading : page.isPending) && rows.length === 0 && !page.error ? (
          <Text p="md" c="dimmed">
            {hasSearch(view) || view.text || view.dormantDays !== null ? t('simTable.noMatch') : t('sims.empty')}
          </Text>
        ) : null}
      </Paper>
      {!view.fleet ? (
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
              disabled={!page.data?.nextKey || page.isPlaceholderData}
              onClick={() => page.data?.nextKey && paging.next(page.data.nextKey)}
            >
              {t('common.next')}
            </Button>
          </Group>
        </Group>
      ) : null}
    </>
  );
}
