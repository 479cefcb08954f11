import { Button, Group, NativeSelect, Paper, Progress, Switch, Text, TextInput } from '@mantine/core';
import { useDocumentVisibility } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { groupQueries } from '../../api/resources/groups';
import { fetchSim } from '../../api/resources/sims';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../lib/format';
import type { SimView } from '../../lib/simQuery';
import { isDormant, rowText, type SimRow, toSimRow } from '../../lib/simRow';
import { type FleetSource, onlyCoverage } from './bothCoverages';
import { type FleetState, fleetLoader, useFleet, walkView } from './fleetLoader';
import { sortRows } from './simColumns';

const sessionRefreshMs = 30_000;

export interface FleetRows {
  state: FleetState;
  /** The loaded fleet, filtered and sorted by the view. */
  rows: SimRow[];
  loading: boolean;
  /** When session statuses were last refreshed (or the fleet loaded). */
  now: number;
  update: (rows: SimRow[]) => void;
  /** Loads the view again from the start. */
  reload: () => void;
}

/**
 * The whole fleet for the view: loads it when the view is in fleet mode, then filters and sorts it here. With
 * `sources` (the view of both coverages), the fleet of each is loaded and the view's coverage filter applies.
 */
export function useFleetRows(view: SimView, pageNow: number, sources?: FleetSource[]): FleetRows {
  const state = useFleet();
  const { t, i18n } = useTranslation();
  const groups = useQuery(groupQueries.list());
  const [refreshedAt, setRefreshedAt] = useState(() => Date.now());
  const visible = useDocumentVisibility() === 'visible';
  const key = JSON.stringify([view.filters, view.searchType, sources]);
  const latestSources = useRef(sources);
  latestSources.current = sources;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the view's server part
  useEffect(() => {
    if (view.fleet) fleetLoader.load(view, false, latestSources.current);
  }, [view.fleet, key]);

  // Sessions come and go: every 30 s while the tab is visible, the online SIMs are fetched again, and SIMs that
  // were online and are no longer are fetched one by one for their new last-seen time.
  useEffect(() => {
    if (!view.fleet || state.status !== 'done' || !visible) return;
    const controller = new AbortController();
    const timer = setInterval(() => {
      void refreshSessions(controller.signal, latestSources.current).then(() => setRefreshedAt(Date.now()));
    }, sessionRefreshMs);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [view.fleet, state.status, visible]);

  const groupMap = useMemo(() => new Map((groups.data ?? []).map((g) => [g.groupId ?? '', g])), [groups.data]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: state.version stands for the rows
  const rows = useMemo(() => {
    const now = refreshedAt;
    const text = view.text.trim().toLowerCase();
    let result = onlyCoverage(state.rows, view.both ? view.coverage : null);
    if (view.dormantDays !== null) {
      const days = view.dormantDays;
      result = result.filter((row) => isDormant(row, days, now));
    }
    if (text) result = result.filter((row) => rowText(row).includes(text));
    if (view.sort) {
      result = sortRows(result, view.sort.column, view.sort.direction, {
        groups: groupMap,
        t,
        locale: i18n.language,
        now,
      });
    }
    return result;
  }, [state.version, view.dormantDays, view.text, view.sort, view.both, view.coverage, groupMap, refreshedAt]);

  return {
    state,
    rows,
    loading: state.status === 'loading' && state.rows.length === 0,
    now: view.fleet ? refreshedAt : pageNow,
    update: fleetLoader.update,
    reload: () => fleetLoader.load(view, true, latestSources.current),
  };
}

async function refreshSessions(signal: AbortSignal, sources?: FleetSource[]): Promise<void> {
  const before = fleetLoader.get().rows;
  const online: SimRow[] = [];
  for (const source of sources ?? [null]) {
    await walkView(
      { filters: { session_status: 'ONLINE' }, searchType: 'and' },
      (sims) => {
        for (const sim of sims) online.push(toSimRow(sim));
      },
      signal,
      source?.endpoint,
    );
  }
  const nowOnline = new Set(online.map((row) => row.simId));
  const wentOffline = before.filter((row) => row.online && !nowOnline.has(row.simId)).slice(0, 200);
  const offline: SimRow[] = [];
  for (const row of wentOffline) {
    signal.throwIfAborted();
    const source = sources?.find((s) => s.coverage === row.coverage);
    const sim = await fetchSim(row.simId, signal, source?.endpoint);
    if (sim) offline.push(toSimRow(sim));
  }
  fleetLoader.update([...online, ...offline]);
}

/** Whole-fleet mode's controls: loading progress and cancel, then the local filters. */
export function FleetPanel({
  view,
  onChange,
  fleet,
}: {
  view: SimView;
  onChange: (view: SimView) => void;
  fleet: FleetRows;
}) {
  const { t, i18n } = useTranslation();
  const { state } = fleet;
  const [text, setText] = useState(view.text);
  const loaded = state.rows.length;
  const seconds =
    state.startedAt !== null && state.finishedAt !== null ? (state.finishedAt - state.startedAt) / 1000 : 0;

  // The quick filter follows typing without a URL change per keystroke, applied to the view as it is by then.
  const latest = useRef({ view, onChange });
  latest.current = { view, onChange };
  const sent = useRef(view.text);
  useEffect(() => {
    const timer = setTimeout(() => {
      const current = latest.current;
      if (text === current.view.text) return;
      sent.current = text;
      current.onChange({ ...current.view, text });
    }, 100);
    return () => clearTimeout(timer);
  }, [text]);
  // A view opened from elsewhere (a saved view, back and forward) brings its own text.
  useEffect(() => {
    if (view.text === sent.current) return;
    sent.current = view.text;
    setText(view.text);
  }, [view.text]);

  return (
    <Paper withBorder radius="md" p="sm" mb="sm">
      {state.status === 'loading' ? (
        <Group gap="sm" wrap="nowrap">
          <Progress value={100} striped animated flex={1} aria-label={t('simTable.fleet.loading', { count: loaded })} />
          <Text size="sm" aria-live="polite">
            {t('simTable.fleet.loading', { count: loaded })}
          </Text>
          <Button size="xs" variant="default" onClick={fleetLoader.cancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      ) : (
        <Group gap="sm" justify="space-between" wrap="wrap">
          <Text size="sm" aria-live="polite">
            {state.status === 'cancelled'
              ? t('simTable.fleet.cancelled', { count: loaded })
              : t('simTable.fleet.loaded', {
                  count: loaded,
                  seconds: seconds.toFixed(1),
                })}{' '}
            {t('simTable.fleet.showing', { count: fleet.rows.length })}{' '}
            {t('simTable.updated', { time: formatTime(fleet.now, i18n.language) })}
          </Text>
          <Button size="xs" variant="default" onClick={fleet.reload}>
            {t('simTable.fleet.reload')}
          </Button>
        </Group>
      )}
      {state.status === 'error' ? <ErrorAlert error={state.error} /> : null}
      <Group gap="md" mt="sm" align="flex-end" wrap="wrap">
        {view.both ? (
          <NativeSelect
            size="xs"
            w={200}
            label={t('simTable.coverage.filter')}
            value={view.coverage ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onChange({ ...view, coverage: value === 'jp' || value === 'g' ? value : null });
            }}
            data={[
              { value: '', label: t('simTable.coverage.any') },
              { value: 'jp', label: t('coverage.names.jp') },
              { value: 'g', label: t('coverage.names.g') },
            ]}
          />
        ) : null}
        <TextInput
          size="xs"
          w={280}
          label={t('simTable.fleet.quickFilter')}
          description={t('simTable.fleet.quickFilterHint')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <Switch
          size="sm"
          label={t('simTable.fleet.dormant')}
          checked={view.dormantDays !== null}
          onChange={(event) => onChange({ ...view, dormantDays: event.currentTarget.checked ? 30 : null })}
        />
        {view.dormantDays !== null ? (
          <TextInput
            size="xs"
            w={160}
            type="number"
            inputMode="numeric"
            label={t('simTable.fleet.dormantDays')}
            min={0}
            max={3650}
            step={1}
            value={view.dormantDays}
            onChange={(event) => {
              const days = Number(event.currentTarget.value);
              if (event.currentTarget.value !== '' && Number.isInteger(days) && days >= 0 && days <= 3650)
                onChange({ ...view, dormantDays: days });
            }}
          />
        ) : null}
      </Group>
    </Paper>
  );
}
