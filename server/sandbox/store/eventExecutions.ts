/**
 * What event handlers did (server/sandbox/eventRunner.ts): one execution per firing of a handler for one IMSI, with
 * until when the handler rests for it, and its actions, each with when it runs and how it went.
 */
import type { PriorExecution } from '../../../common/eventRules';
import type { Db } from '../db';

/** `running`: a web request sent and not answered yet. */
export type ActionOutcome = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

export interface ExecutedAction {
  type: string;
  /** When it runs (ran), epoch ms. */
  runAt: number;
  outcome: ActionOutcome;
  /** What it did or why not, in a sentence. */
  detail?: string;
}

export interface Execution {
  executionId: number;
  handlerId: string;
  imsi: string;
  simId: string;
  /** When the rule held, epoch ms. */
  firedAt: number;
  /** Until when the handler rests for the IMSI, epoch ms; null for good. */
  restsUntil: number | null;
  /** Bytes the rule measured (traffic rules). */
  measured?: number;
  actions: ExecutedAction[];
}

interface Row {
  execution_id: number;
  handler_id: string;
  imsi: string;
  sim_id: string;
  fired_at: number;
  rests_until: number | null;
  doc: string;
}

/** The most executions one read lists (newest first). */
export const executionListLimit = 500;

const toExecution = (row: Row): Execution => {
  const doc = JSON.parse(row.doc) as { measured?: number; actions: ExecutedAction[] };
  return {
    executionId: row.execution_id,
    handlerId: row.handler_id,
    imsi: row.imsi,
    simId: row.sim_id,
    firedAt: row.fired_at,
    restsUntil: row.rests_until,
    ...(doc.measured !== undefined ? { measured: doc.measured } : {}),
    actions: doc.actions,
  };
};

const nextActionAt = (actions: readonly ExecutedAction[]) => {
  const pending = actions.filter((a) => a.outcome === 'pending').map((a) => a.runAt);
  return pending.length > 0 ? Math.min(...pending) : null;
};

export function eventExecutionStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO event_handler_executions (operator_id, handler_id, imsi, sim_id, fired_at, rests_until,
       next_action_at, doc) VALUES (@operatorId, @handlerId, @imsi, @simId, @firedAt, @restsUntil, @next, @doc)`,
  );
  const update = db.prepare(
    'UPDATE event_handler_executions SET doc = @doc, next_action_at = @next WHERE execution_id = @executionId',
  );
  const one = db.prepare<[number], Row & { operator_id: string }>(
    'SELECT * FROM event_handler_executions WHERE execution_id = ?',
  );
  const prior = db.prepare<[string, string, number], PriorExecution>(
    `SELECT imsi, fired_at AS at, rests_until AS restsUntil FROM event_handler_executions
     WHERE operator_id = ? AND handler_id = ? AND (rests_until IS NULL OR rests_until > ?)`,
  );
  const byHandler = db.prepare<[string, string, number], Row>(
    `SELECT * FROM event_handler_executions WHERE operator_id = ? AND handler_id = ?
     ORDER BY execution_id DESC LIMIT ?`,
  );
  const byImsi = db.prepare<[string, string, number], Row>(
    `SELECT * FROM event_handler_executions WHERE operator_id = ? AND imsi = ? ORDER BY execution_id DESC LIMIT ?`,
  );
  const byOperator = db.prepare<[string, number], Row>(
    'SELECT * FROM event_handler_executions WHERE operator_id = ? ORDER BY execution_id DESC LIMIT ?',
  );
  const due = db.prepare<[number], Row & { operator_id: string }>(
    `SELECT * FROM event_handler_executions WHERE next_action_at IS NOT NULL AND next_action_at <= ?
     ORDER BY next_action_at LIMIT 200`,
  );

  return {
    add(operatorId: string, execution: Omit<Execution, 'executionId'>): number {
      const { handlerId, imsi, simId, firedAt, restsUntil, measured, actions } = execution;
      return Number(
        insert.run({
          operatorId,
          handlerId,
          imsi,
          simId,
          firedAt,
          restsUntil,
          next: nextActionAt(actions),
          doc: JSON.stringify({ ...(measured !== undefined ? { measured } : {}), actions }),
        }).lastInsertRowid,
      );
    },
    /** Replaces the actions of an execution (their outcomes). */
    setActions(executionId: number, actions: readonly ExecutedAction[]) {
      const row = one.get(executionId);
      if (!row) return;
      const doc = JSON.parse(row.doc) as { measured?: number };
      update.run({ executionId, next: nextActionAt(actions), doc: JSON.stringify({ ...doc, actions }) });
    },
    get(executionId: number): (Execution & { operatorId: string }) | undefined {
      const row = one.get(executionId);
      return row ? { ...toExecution(row), operatorId: row.operator_id } : undefined;
    },
    /** The handler's executions, every IMSI's, that may still make it rest at `at` (for the evaluator). */
    prior: (operatorId: string, handlerId: string, at: number): PriorExecution[] =>
      prior.all(operatorId, handlerId, at).map(({ imsi, at, restsUntil }) => ({ imsi, at, restsUntil })),
    /** Newest first: a handler's, an IMSI's or the operator's. */
    list(operatorId: string, filter: { handlerId?: string; imsi?: string }, limit = executionListLimit): Execution[] {
      const n = Math.min(Math.max(limit, 1), executionListLimit);
      const rows =
        filter.handlerId !== undefined
          ? byHandler.all(operatorId, filter.handlerId, n)
          : filter.imsi !== undefined
            ? byImsi.all(operatorId, filter.imsi, n)
            : byOperator.all(operatorId, n);
      return rows
        .map(toExecution)
        .filter((e) => filter.imsi === undefined || e.imsi === filter.imsi)
        .slice(0, n);
    },
    /** Executions with an action due at `now`, with their operator. */
    due: (now: number) => due.all(now).map((row) => ({ ...toExecution(row), operatorId: row.operator_id })),
  };
}
export type EventExecutionStore = ReturnType<typeof eventExecutionStore>;
