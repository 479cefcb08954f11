/**
 * Event handlers, run by the local sandbox (guesses.eventHandlerRuns): when Air stats of a SIM are recorded, every
 * active handler that watches it is evaluated with common/eventRules.ts at the time of the stats; a firing is kept
 * as an execution (store/eventExecutions.ts) and its actions run when due, at once or on a later pass
 * (`runDueActions`: on every Air stats insert and on every tick of the session simulator). Status and speed class
 * changes made through the API run the status and speed class rules (`runEventHandlersOnChange`).
 */
import { evaluateRule, type RuleEvent, type RuleHandler, type TrafficFigures } from '../../common/eventRules';
import { simActions } from './api/sim/changes';
import type { Ctx, Stores } from './context';
import { accountOf } from './coverage';
import { SoracomError } from './errors';
import { errorLogs, eventHandlerRuns } from './guesses';
import type { ExecutedAction, Execution } from './store/eventExecutions';
import type { EventHandler } from './store/eventHandlers';
import type { Sim } from './store/sims';
import type { UsageTarget } from './store/usage';

/** What the runner needs of a request, or of the session simulator's tick. */
export interface RunnerCtx {
  stores: Stores;
  now: number;
  log: (line: string) => void;
}

/** Whether the handler watches the SIM: by its IMSI, its SIM ID, its group or its operator. */
export function watches(handler: EventHandler, operatorId: string, imsi: string, sim: Sim): boolean {
  return (
    handler.targetImsi === imsi ||
    (handler.targetSimId !== undefined && handler.targetSimId === sim.simId) ||
    (handler.targetGroupId !== undefined && handler.targetGroupId === sim.groupId) ||
    handler.targetOperatorId === operatorId
  );
}

function targetFigures(ctx: RunnerCtx, handler: EventHandler, target: UsageTarget, upTo: number): TrafficFigures {
  const { usage } = ctx.stores;
  if (handler.targetOperatorId) return usage.airFigures('operator', target.operatorId, target.operatorId, upTo);
  if (handler.targetGroupId) return usage.airFigures('group', handler.targetGroupId, target.operatorId, upTo);
  return usage.airFigures('sim', target.simId, target.operatorId, upTo);
}

/**
 * Evaluates the operator's active handlers that watch the SIM of `target` at the time of its new Air stats; keeps
 * what fired and runs the actions already due. Answers the executions added.
 */
export function runEventHandlersOnTraffic(ctx: RunnerCtx, target: UsageTarget): Execution[] {
  const { operatorId, simId, imsi, unixtime } = target;
  const sim = ctx.stores.sims.get(operatorId, simId);
  if (!sim) return [];
  const handlers = ctx.stores.eventHandlers
    .list(operatorId)
    .filter((h) => h.status === 'active' && watches(h, operatorId, imsi, sim));
  if (handlers.length === 0) return [];
  const at = unixtime * 1000;
  const subscriber = ctx.stores.usage.airFigures('imsi', imsi, operatorId, unixtime);
  const simFigures = ctx.stores.usage.airFigures('sim', simId, operatorId, unixtime);
  const first = subscriber.cumulative > 0 && !ctx.stores.usage.hasEarlierTraffic(imsi, unixtime);
  const added: Execution[] = [];
  for (const handler of handlers) {
    const decision = evaluateRule(
      handler as RuleHandler,
      {
        at,
        imsi,
        event: { kind: 'traffic', first },
        subscriber,
        sim: simFigures,
        target: targetFigures(ctx, handler, target, unixtime),
        ...(sim.expiryTime ? { expiryTime: sim.expiryTime } : {}),
        ignored: ctx.stores.eventHandlers.isIgnored(operatorId, handler.handlerId, imsi),
      },
      ctx.stores.eventExecutions.prior(operatorId, handler.handlerId, at),
    );
    if (!decision.fires) continue;
    const execution: Omit<Execution, 'executionId'> = {
      handlerId: handler.handlerId,
      imsi,
      simId,
      firedAt: at,
      restsUntil: decision.restsUntil,
      ...(decision.measured !== undefined ? { measured: decision.measured } : {}),
      // Stats stamped later than the sandbox's clock still run their IMMEDIATELY actions now.
      actions: decision.actions.map((a) => ({
        type: a.type,
        runAt: a.runAt <= at ? Math.min(a.runAt, ctx.now) : a.runAt,
        outcome: 'pending',
      })),
    };
    const executionId = ctx.stores.eventExecutions.add(operatorId, execution);
    ctx.log(`event handler ${handler.handlerId} fired for ${imsi}`);
    runActionsOf(ctx, executionId);
    const stored = ctx.stores.eventExecutions.get(executionId);
    if (stored) added.push(stored);
  }
  return added;
}

/**
 * A SIM's status or speed class changed through the API: the status and speed class rules of the handlers watching it
 * are evaluated now (the changes their own actions make set nothing off: guesses.eventHandlerRuns).
 */
export function runEventHandlersOnChange(
  ctx: RunnerCtx,
  sim: Sim,
  before: { status?: string; speedClass?: string },
): Execution[] {
  const events: RuleEvent[] = [];
  if (before.status !== sim.status) events.push({ kind: 'status', from: before.status ?? '', to: sim.status ?? '' });
  if (before.speedClass !== sim.speedClass) {
    events.push({ kind: 'speedClass', from: before.speedClass ?? '', to: sim.speedClass ?? '' });
  }
  const operatorId = sim.operatorId ?? '';
  const imsi = Object.values(sim.profiles ?? {})[0]?.primaryImsi ?? '';
  if (events.length === 0 || !imsi) return [];
  const handlers = ctx.stores.eventHandlers
    .list(operatorId)
    .filter((h) => h.status === 'active' && watches(h, operatorId, imsi, sim));
  const none = { day: 0, month: 0, cumulative: 0 };
  const added: Execution[] = [];
  for (const handler of handlers) {
    for (const event of events) {
      const decision = evaluateRule(
        handler as RuleHandler,
        {
          at: ctx.now,
          imsi,
          event,
          subscriber: none,
          sim: none,
          target: none,
          ignored: ctx.stores.eventHandlers.isIgnored(operatorId, handler.handlerId, imsi),
        },
        ctx.stores.eventExecutions.prior(operatorId, handler.handlerId, ctx.now),
      );
      if (!decision.fires) continue;
      const executionId = ctx.stores.eventExecutions.add(operatorId, {
        handlerId: handler.handlerId,
        imsi,
        simId: sim.simId ?? '',
        firedAt: ctx.now,
        restsUntil: decision.restsUntil,
        actions: decision.actions.map((a) => ({ type: a.type, runAt: a.runAt, outcome: 'pending' })),
      });
      ctx.log(`event handler ${handler.handlerId} fired for ${imsi} (${event.kind})`);
      runActionsOf(ctx, executionId);
      const stored = ctx.stores.eventExecutions.get(executionId);
      if (stored) added.push(stored);
    }
  }
  return added;
}

/** Runs the actions of every execution that are due now (delayed ones: AFTER_ONE_DAY, BEGINNING_OF_NEXT_…). */
export function runDueActions(ctx: RunnerCtx): void {
  for (const execution of ctx.stores.eventExecutions.due(ctx.now)) runActionsOf(ctx, execution.executionId);
}

/** Runs the due, pending actions of one execution, in their order, and records how each went. */
function runActionsOf(ctx: RunnerCtx, executionId: number): void {
  const execution = ctx.stores.eventExecutions.get(executionId);
  if (!execution) return;
  const handler = ctx.stores.eventHandlers.get(execution.operatorId, execution.handlerId);
  const actions = execution.actions.map((a) => ({ ...a }));
  actions.forEach((action, index) => {
    if (action.outcome !== 'pending' || action.runAt > ctx.now) return;
    const config = handler?.actionConfigList[index];
    if (!handler || !config || config.type !== action.type) {
      Object.assign(action, { outcome: 'skipped', detail: 'The handler was changed or deleted before it was due.' });
      return;
    }
    const outcome = runAction(ctx, execution, handler, config, executionId, index);
    Object.assign(action, outcome);
    if (outcome.outcome === 'failed') logFailure(ctx, execution, handler.name, outcome.detail);
  });
  ctx.stores.eventExecutions.setActions(executionId, actions);
}

/** A failed action, in the error logs (`GET /logs`, service Air: guesses.errorLogs). */
function logFailure(
  ctx: RunnerCtx,
  execution: Execution & { operatorId: string },
  handlerName: string | undefined,
  detail: string | undefined,
) {
  ctx.stores.errorLogs.add(execution.operatorId, {
    time: ctx.now,
    service: errorLogs.service,
    imsi: execution.imsi,
    message: `Event handler ${handlerName ?? execution.handlerId}: an action failed. ${detail ?? ''}`.trim(),
    detail: { handlerId: execution.handlerId },
  });
}

type Config = EventHandler['actionConfigList'][number];
type Outcome = Pick<ExecutedAction, 'outcome' | 'detail'>;

const statusChanges: Record<string, keyof typeof simActions> = {
  ActivationAction: 'activate',
  DeactivationAction: 'deactivate',
  StandbyAction: 'setToStandby',
  SuspendAction: 'suspend',
};

/** `${imsi}`, `${simId}`, `${operatorId}` and `${handlerId}` in a text replaced by their values. */
function fill(text: string, execution: Execution & { operatorId: string }): string {
  const values: Record<string, string> = {
    imsi: execution.imsi,
    simId: execution.simId,
    operatorId: execution.operatorId,
    handlerId: execution.handlerId,
  };
  return text.replace(/\$\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function changeSim(
  ctx: RunnerCtx,
  execution: Execution & { operatorId: string },
  action: keyof typeof simActions,
  body: unknown,
): Outcome {
  const changeCtx = { ...ctx, body, path: {}, query: {}, identity: null } as unknown as Ctx<never>;
  try {
    const sim = ctx.stores.sims.modify(
      execution.operatorId,
      execution.simId,
      (s) => simActions[action].change(changeCtx, s),
      ctx.now,
    );
    if (!sim) return { outcome: 'failed', detail: 'The SIM no longer exists.' };
    return {
      outcome: 'done',
      detail: action === 'updateSpeedClass' ? `Speed class ${sim.speedClass}.` : `Status ${sim.status}.`,
    };
  } catch (error) {
    if (error instanceof SoracomError) return { outcome: 'failed', detail: error.message };
    throw error;
  }
}

function runAction(
  ctx: RunnerCtx,
  execution: Execution & { operatorId: string },
  handler: EventHandler,
  config: Config,
  executionId: number,
  index: number,
): Outcome {
  const p = config.properties;
  const status = statusChanges[config.type];
  if (status) return changeSim(ctx, execution, status, undefined);
  switch (config.type) {
    case 'ChangeSpeedClassAction':
      return changeSim(ctx, execution, 'updateSpeedClass', { speedClass: p.speedClass });
    case 'SendMailAction':
    case 'SendMailToOperatorAction': {
      const to =
        config.type === 'SendMailAction' ? p.to : ctx.stores.operators.get(accountOf(execution.operatorId))?.email;
      if (!to) return { outcome: 'failed', detail: 'No recipient.' };
      const subject = fill(p.title || `Event handler ${handler.name}`, execution).slice(0, 500);
      ctx.stores.mailbox.add(
        { to, kind: 'eventHandler', subject, link: `/event-handlers/${handler.handlerId}`, token: null },
        ctx.now,
      );
      ctx.log(`mail to ${to}: ${subject}`);
      return { outcome: 'done', detail: `Mail to ${to}.` };
    }
    case 'ExecuteWebRequestAction':
      return webRequest(ctx, execution, config, executionId, index);
    default:
      return { outcome: 'skipped', detail: eventHandlerRuns.notRunLocally };
  }
}

function isLoopbackUrl(text: string): boolean {
  try {
    const { hostname } = new URL(text);
    return ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
  } catch {
    return false;
  }
}

/**
 * Sends the request in the background, to a loopback address only, with a timeout; the action stays `running` until
 * the answer (or the failure) is recorded.
 */
function webRequest(
  ctx: RunnerCtx,
  execution: Execution & { operatorId: string },
  config: Config,
  executionId: number,
  index: number,
): Outcome {
  const p = config.properties;
  const url = fill(p.url ?? '', execution);
  if (!isLoopbackUrl(url)) return { outcome: 'skipped', detail: eventHandlerRuns.notLoopback };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries((p.headers ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') headers[name] = value;
  }
  if (p.contentType) headers['content-type'] = p.contentType;
  const method = p.httpMethod ?? 'POST';
  const settle = (outcome: Outcome) => {
    try {
      const stored = ctx.stores.eventExecutions.get(executionId);
      if (!stored) return;
      const actions = stored.actions.map((a, i) => (i === index ? { ...a, ...outcome } : a));
      ctx.stores.eventExecutions.setActions(executionId, actions);
      if (outcome.outcome === 'failed') {
        ctx.log(`event handler ${execution.handlerId}: ${outcome.detail}`);
        logFailure(
          ctx,
          execution,
          ctx.stores.eventHandlers.get(execution.operatorId, execution.handlerId)?.name,
          outcome.detail,
        );
      }
    } catch (error) {
      // The database may be closed by the time a slow answer comes (a server stopping).
      ctx.log(`event handler ${execution.handlerId}: ${(error as Error).message}`);
    }
  };
  fetch(url, {
    method,
    headers,
    ...(method === 'GET' || p.body === undefined ? {} : { body: fill(p.body, execution) }),
    signal: AbortSignal.timeout(eventHandlerRuns.webRequestTimeoutMs),
    redirect: 'manual',
  }).then(
    (response) =>
      settle(
        response.ok
          ? { outcome: 'done', detail: `${method} ${url}: ${response.status}.` }
          : { outcome: 'failed', detail: `${method} ${url}: ${response.status}.` },
      ),
    (error: Error) => settle({ outcome: 'failed', detail: `${method} ${url}: ${error.name}.` }),
  );
  return { outcome: 'running', detail: `${method} ${url}` };
}
