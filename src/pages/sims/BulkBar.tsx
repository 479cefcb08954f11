import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Progress,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { settleSims } from '../../api/resources/simChanges';
import type { Sim } from '../../api/resources/sims';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { type BulkOutcome, runBulk, tally } from '../../lib/bulkRunner';
import { downloadText, toCsv } from '../../lib/csv';
import { rowToSim, type SimRow, toSimRow } from '../../lib/simRow';
import { simActionApis } from './actions/actionApis';
import { simActionByKey, simActions } from './actions/catalog';
import type { AnySimAction, SimActionKey } from './actions/types';

type Phase = 'input' | 'confirm' | 'running' | 'finished';

/** Shown while SIMs are selected: how many, and which action to apply to all of them. */
export function BulkBar({
  selected,
  total,
  onClear,
  onDone,
}: {
  selected: SimRow[];
  total: number;
  onClear: () => void;
  onDone: (updated: SimRow[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState<AnySimAction | null>(null);
  const [choice, setChoice] = useState<SimActionKey | ''>('');
  const access = useAccess();
  if (selected.length === 0 && !action) return null;

  return (
    <Paper withBorder radius="md" p="xs" mb="sm" role="region" aria-label={t('bulk.region')}>
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600} aria-live="polite">
          {t('bulk.selected', {
            count: selected.length.toLocaleString(i18n.language),
            total: total.toLocaleString(i18n.language),
          })}
        </Text>
        <NativeSelect
          size="xs"
          aria-label={t('bulk.chooseAction')}
          value={choice}
          onChange={(event) => setChoice(event.currentTarget.value as SimActionKey | '')}
          data={[
            { value: '', label: t('bulk.chooseAction') },
            ...simActions.map((a) => ({ value: a.key, label: t(a.labelKey) })),
          ]}
        />
        <GuardedButton
          size="xs"
          refusal={choice ? access.refusal(simActionApis[choice]) : null}
          disabled={!choice}
          onClick={() => choice && setAction(simActionByKey(choice))}
        >
          {t('bulk.apply')}
        </GuardedButton>
        <Button size="xs" variant="subtle" onClick={onClear}>
          {t('bulk.clear')}
        </Button>
      </Group>
      {action ? (
        <BulkDialog
          key={action.key}
          action={action}
          rows={selected}
          onClose={(updated) => {
            setAction(null);
            if (updated.length > 0) onDone(updated);
          }}
        />
      ) : null}
    </Paper>
  );
}

/**
 * One action over the selected SIMs: its input, typed confirmation with the count for destructive actions, then the
 * run with progress, per-SIM results, cancel, "retry failed" and the results as CSV.
 */
function BulkDialog({
  action,
  rows,
  onClose,
}: {
  action: AnySimAction;
  rows: SimRow[];
  onClose: (updated: SimRow[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  // The selection is fixed when the dialog opens: later table updates don't change what runs.
  const [sims] = useState(() => rows.map(rowToSim));
  const [input, setInput] = useState<unknown>(() => action.initialInput());
  const [errors, setErrors] = useState<Record<string, string> | null>(null);
  const [phase, setPhase] = useState<Phase>('input');
  const [typed, setTyped] = useState('');
  const outcomes = useRef(new Map<string, BulkOutcome>());
  const updated = useRef(new Map<string, Sim>());
  const [, setTick] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const starting = useRef(false);

  const plan = useMemo(() => {
    const run: Sim[] = [];
    const skipped: BulkOutcome[] = [];
    for (const sim of sims) {
      const verdict = action.applies(sim);
      const item = { id: sim.simId ?? '', label: sim.tags?.name || sim.simId || '' };
      if (verdict.ok) run.push(sim);
      else skipped.push({ ...item, state: 'skipped', message: t(verdict.reasonKey) });
    }
    return { run, skipped };
  }, [sims, action, t]);

  // Redraw the progress a few times a second, not once per SIM.
  useEffect(() => {
    if (phase !== 'running') return;
    const timer = setInterval(() => setTick((n) => n + 1), 150);
    return () => clearInterval(timer);
  }, [phase]);

  async function start(items: Sim[]) {
    if (starting.current) return;
    starting.current = true;
    const mine = new AbortController();
    controller.current = mine;
    for (const skipped of plan.skipped) outcomes.current.set(skipped.id, skipped);
    for (const sim of items) {
      const id = sim.simId ?? '';
      outcomes.current.set(id, { id, label: sim.tags?.name || id, state: 'pending' });
    }
    setPhase('running');
    // Not a form, so not `useChange`: many SIMs, a few at a time with the runner's own pause after a 429, each the
    // action's plain call from src/api; then the SIM cache effect from src/api once for all of them.
    await runBulk(
      items.map((sim) => ({ id: sim.simId ?? '', label: sim.tags?.name || sim.simId || '' })),
      async (id) => {
        const result = await action.run(id, input);
        if (result) updated.current.set(id, result);
      },
      { signal: mine.signal, onUpdate: (outcome) => outcomes.current.set(outcome.id, outcome) },
    );
    starting.current = false;
    setPhase('finished');
    setTick((n) => n + 1);
    const changed = [...updated.current.values()];
    await settleSims(
      queryClient,
      changed,
      items.map((sim) => sim.simId ?? ''),
    );
  }

  function next() {
    const problems = action.validate(input, t);
    setErrors(problems);
    if (problems) return;
    if (action.destructive) setPhase('confirm');
    else void start(plan.run);
  }

  const counts = tally(outcomes.current.values());
  const totalRun = plan.run.length;
  const finishedCount = counts.ok + counts.failed + counts.cancelled;
  const failed = [...outcomes.current.values()].filter((o) => o.state === 'failed');
  const Fields = action.Fields;
  const count = (n: number) => n.toLocaleString(i18n.language);

  function close() {
    if (phase === 'running') return;
    onClose([...updated.current.values()].map(toSimRow));
  }

  function downloadResults() {
    const all = [...outcomes.current.values()];
    downloadText(
      toCsv(
        [t('bulk.csv.simId'), t('bulk.csv.name'), t('bulk.csv.result'), t('bulk.csv.code'), t('bulk.csv.message')],
        all.map((o) => [o.id, o.label === o.id ? '' : o.label, o.state, o.code ?? '', o.message ?? '']),
      ),
      `bulk-${action.key}-results.csv`,
    );
  }

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={close}
      closeOnClickOutside={phase !== 'running'}
      closeOnEscape={phase !== 'running'}
      withCloseButton={phase !== 'running'}
      size="lg"
      title={t('bulk.title', { action: t(action.labelKey), count: sims.length })}
    >
      <Stack>
        {phase === 'input' || phase === 'confirm' ? (
          <>
            <Text size="sm">{t('bulk.plan', { count: plan.run.length, skipped: count(plan.skipped.length) })}</Text>
            {plan.skipped.length > 0 ? (
              <Text size="xs" c="dimmed">
                {t('bulk.skippedWhy', { reason: plan.skipped[0]?.message ?? '' })}
              </Text>
            ) : null}
            {Fields && phase === 'input' ? (
              <Fields value={input} onChange={setInput} errors={errors} sims={plan.run} />
            ) : null}
          </>
        ) : null}
        {phase === 'confirm' ? (
          <>
            <Alert color="red" variant="light" title={t('bulk.destructiveTitle')}>
              {t('bulk.destructiveBody', { action: t(action.labelKey), count: plan.run.length })}
            </Alert>
            <TextInput
              label={t('bulk.typeCount', { count: String(plan.run.length) })}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              autoComplete="off"
              data-autofocus
              onKeyDown={(event) => {
                if (event.key === 'Enter' && typed.trim() === String(plan.run.length)) void start(plan.run);
              }}
            />
          </>
        ) : null}
        {phase === 'running' || phase === 'finished' ? (
          <>
            <Progress
              value={totalRun === 0 ? 100 : (finishedCount / totalRun) * 100}
              aria-label={t('bulk.progressLabel')}
              animated={phase === 'running'}
            />
            <Text size="sm" aria-live="polite">
              {t('bulk.progress', {
                done: count(finishedCount),
                total: count(totalRun),
                ok: count(counts.ok),
                failed: count(counts.failed),
                skipped: count(counts.skipped),
                cancelled: count(counts.cancelled),
              })}
            </Text>
            {failed.length > 0 ? (
              <ScrollArea.Autosize mah={240} type="auto">
                <Table aria-label={t('bulk.failedTable')} verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('bulk.csv.name')}</Table.Th>
                      <Table.Th scope="col">{t('bulk.csv.message')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {failed.slice(0, 200).map((o) => (
                      <Table.Tr key={o.id}>
                        <Table.Td>{o.label}</Table.Td>
                        <Table.Td>{o.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            ) : null}
          </>
        ) : null}
        <Group justify="flex-end">
          {phase === 'input' ? (
            <>
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button onClick={next} disabled={plan.run.length === 0}>
                {action.destructive ? t('bulk.continue') : t('bulk.run', { count: plan.run.length })}
              </Button>
            </>
          ) : null}
          {phase === 'confirm' ? (
            <>
              <Button variant="default" onClick={() => setPhase('input')}>
                {t('bulk.back')}
              </Button>
              <Button
                color="red"
                disabled={typed.trim() !== String(plan.run.length)}
                onClick={() => void start(plan.run)}
              >
                {t('bulk.run', { count: plan.run.length })}
              </Button>
            </>
          ) : null}
          {phase === 'running' ? (
            <Button variant="default" onClick={() => controller.current?.abort()}>
              {t('bulk.cancel')}
            </Button>
          ) : null}
          {phase === 'finished' ? (
            <>
              <Button variant="default" onClick={downloadResults}>
                {t('bulk.downloadResults')}
              </Button>
              {failed.length > 0 ? (
                <Button
                  variant="default"
                  onClick={() => {
                    const retry = new Set(failed.map((o) => o.id));
                    void start(plan.run.filter((sim) => retry.has(sim.simId ?? '')));
                  }}
                >
                  {t('bulk.retryFailed', { count: count(failed.length) })}
                </Button>
              ) : null}
              <Button onClick={close}>{t('bulk.done')}</Button>
            </>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}
