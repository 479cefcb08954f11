import { Button, Group, Modal, Progress, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { downloadText, toCsv } from '../../lib/csv';
import type { SimView } from '../../lib/simQuery';
import { type SimRow, toSimRow } from '../../lib/simRow';
import { walkView } from './fleetLoader';
import { type ColumnContext, columnById, type SimColumn } from './simColumns';

/** The CSV of rows: the columns shown (the SIM ID always among them), one line per SIM. */
export function simsCsv(rows: readonly SimRow[], shown: readonly SimColumn[], ctx: ColumnContext): string {
  const simId = columnById('simId');
  const columns = shown.some((c) => c.id === 'simId') || !simId ? shown : [simId, ...shown];
  return toCsv(
    columns.map((c) => c.header(ctx.t)),
    rows.map((row) => columns.map((c) => c.text(row, ctx))),
  );
}

export function exportFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `sims-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.csv`;
}

/**
 * Export the current view to CSV. With the whole fleet loaded, what the table shows (filtered and sorted) is written
 * at once; otherwise every page of the view is fetched first, with progress and cancel.
 */
export function ExportButton({
  view,
  fleetRows,
  columns,
  ctx,
}: {
  view: SimView;
  fleetRows: SimRow[] | null;
  columns: SimColumn[];
  ctx: ColumnContext;
}) {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [count, setCount] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  async function start() {
    if (fleetRows) {
      downloadText(simsCsv(fleetRows, columns, ctx), exportFileName());
      return;
    }
    const mine = new AbortController();
    controller.current = mine;
    setRunning(true);
    setCount(0);
    setError(null);
    const rows: SimRow[] = [];
    try {
      await walkView(
        view,
        (sims) => {
          for (const sim of sims) rows.push(toSimRow(sim));
          setCount(rows.length);
        },
        mine.signal,
      );
      downloadText(simsCsv(rows, columns, ctx), exportFileName());
      setRunning(false);
    } catch (caught) {
      if (mine.signal.aborted) setRunning(false);
      else setError(caught);
    }
  }

  return (
    <>
      <Button size="xs" variant="default" onClick={() => void start()}>
        {t('simTable.export.button')}
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={running}
        onClose={() => {
          controller.current?.abort();
          setRunning(false);
        }}
        title={t('simTable.export.title')}
      >
        {error ? (
          <ErrorAlert error={error} />
        ) : (
          <>
            <Progress value={100} striped animated aria-label={t('simTable.export.title')} />
            <Text size="sm" mt="sm" aria-live="polite">
              {t('simTable.export.progress', { count })}
            </Text>
          </>
        )}
        <Group justify="flex-end" mt="md">
          <Button
            variant="default"
            onClick={() => {
              controller.current?.abort();
              setRunning(false);
            }}
          >
            {error ? t('common.close') : t('common.cancel')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
