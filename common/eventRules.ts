/**
 * Event handler rules, evaluated: given a handler, one SIM (one IMSI) at one instant, its traffic figures and the
 * handler's earlier executions, whether the handler fires and which of its actions run when. Pure, so that the local
 * sandbox (server/sandbox/eventRunner.ts) and the console's dry run (src/pages/eventHandlers) decide alike.
 *
 * The sandbox's reading of SORACOM's documentation (https://developers.soracom.io/en/docs/air/event-handler/),
 * where it is silent (server/sandbox/guesses.ts, eventHandlerRuns, says the same):
 * - Days and months are UTC; 1 MiB is 1,048,576 bytes of upload plus download; a limit is reached at or above it.
 * - After firing for a SIM, the handler rests for that SIM until its re-evaluation time (`inactiveTimeoutDateConst`
 *   plus `inactiveTimeoutOffsetMinutes`): IMMEDIATELY never rests, AFTER_ONE_DAY rests 24 h, BEGINNING_OF_NEXT_DAY and
 *   BEGINNING_OF_NEXT_MONTH until the next UTC day or month starts, NEVER for good. With `runOnceAmongTarget` "true"
 *   an execution for any SIM of the target makes every SIM rest.
 * - An action runs at `executionDateTimeConst` (the same constants from the firing instant) plus
 *   `executionOffsetMinutes`; NEVER does not run it.
 * - Rules the local data cannot tell (IMEI mismatch, subscription OTA status, the monthly charge) never fire; they
 *   answer a reason instead.
 */

export type DateConst = 'IMMEDIATELY' | 'BEGINNING_OF_NEXT_MONTH' | 'BEGINNING_OF_NEXT_DAY' | 'AFTER_ONE_DAY' | 'NEVER';

/** What of a handler the evaluator reads (the description's EventHandlerModel fits). */
export interface RuleHandler {
  handlerId: string;
  status: string;
  ruleConfig: { type: string; properties: Record<string, unknown> };
  actionConfigList: { type: string; properties: Record<string, unknown> }[];
}

/** Bytes of traffic in the UTC day, the UTC month and since the start, up to the instant evaluated. */
export interface TrafficFigures {
  day: number;
  month: number;
  cumulative: number;
}

/** What happened to the SIM, which the rule may be watching. */
export type RuleEvent =
  | { kind: 'traffic' /** Whether this is the SIM's first traffic ever. */; first: boolean }
  | { kind: 'speedClass'; from: string; to: string }
  | { kind: 'status'; from: string; to: string };

export interface RuleInput {
  /** The instant evaluated, epoch ms. */
  at: number;
  imsi: string;
  event: RuleEvent;
  /** The IMSI's own traffic. */
  subscriber: TrafficFigures;
  /** The traffic of every IMSI of the SIM. */
  sim: TrafficFigures;
  /** The traffic of the handler's whole target (its group or the operator). */
  target: TrafficFigures;
  /** The SIM's expiry time, epoch ms, when it has one. */
  expiryTime?: number;
  /** Whether the handler ignores this IMSI. */
  ignored: boolean;
}

/** An earlier firing of the handler. */
export interface PriorExecution {
  imsi: string;
  /** When it fired, epoch ms. */
  at: number;
  /** Until when the handler rests for that SIM (epoch ms); null for good. */
  restsUntil: number | null;
}

export interface PlannedAction {
  type: string;
  properties: Record<string, unknown>;
  /** When it runs, epoch ms. */
  runAt: number;
}

export type RuleDecision =
  | { fires: false; reason: NotFiringReason }
  | {
      fires: true;
      /** Bytes the rule measured (traffic rules). */
      measured?: number;
      restsUntil: number | null;
      actions: PlannedAction[];
    };

export type NotFiringReason =
  | 'inactive'
  | 'ignored'
  | 'resting'
  | 'belowLimit'
  | 'otherEvent'
  | 'notExpired'
  | 'notEvaluatedLocally';

const MiB = 1_048_576;
const day = 86_400_000;

export const startOfDay = (t: number) => Math.floor(t / day) * day;
export const startOfNextDay = (t: number) => startOfDay(t) + day;
export function startOfNextMonth(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}
export function startOfMonth(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

const minutes = (value: unknown) => {
  const n = Number(typeof value === 'string' ? value : 0);
  return Number.isFinite(n) && n > 0 ? n * 60_000 : 0;
};

/** The instant a date constant names from `at`, plus the offset; null for NEVER (or an unknown constant). */
export function instantOf(constant: unknown, at: number, offset: unknown): number | null {
  const extra = minutes(offset);
  switch (constant) {
    case 'IMMEDIATELY':
      return at + extra;
    case 'AFTER_ONE_DAY':
      return at + day + extra;
    case 'BEGINNING_OF_NEXT_DAY':
      return startOfNextDay(at) + extra;
    case 'BEGINNING_OF_NEXT_MONTH':
      return startOfNextMonth(at) + extra;
    default:
      return null;
  }
}

type Measure = { figures: 'subscriber' | 'sim' | 'target'; span: keyof TrafficFigures };
const trafficRules: Readonly<Record<string, Measure>> = {
  SubscriberDailyTrafficRule: { figures: 'subscriber', span: 'day' },
  SubscriberMonthlyTrafficRule: { figures: 'subscriber', span: 'month' },
  SubscriberCumulativeTrafficRule: { figures: 'subscriber', span: 'cumulative' },
  SimDailyTotalTrafficRule: { figures: 'sim', span: 'day' },
  SimMonthlyTotalTrafficRule: { figures: 'sim', span: 'month' },
  SimCumulativeTotalTrafficRule: { figures: 'sim', span: 'cumulative' },
  DailyTotalTrafficRule: { figures: 'target', span: 'day' },
  MonthlyTotalTrafficRule: { figures: 'target', span: 'month' },
};

/** Rule types the local data can decide; the others never fire here. */
export const locallyEvaluatedRules: readonly string[] = [
  ...Object.keys(trafficRules),
  'SubscriberFirstTrafficRule',
  'SubscriberSpeedClassAttributeRule',
  'SimSpeedClassAttributeRule',
  'SubscriberStatusAttributeRule',
  'SimStatusAttributeRule',
  'SubscriberExpiredRule',
  'SimExpiredRule',
];

/** Whether the handler rests for the IMSI at `at`, given its earlier executions. */
export function isResting(handler: RuleHandler, imsi: string, at: number, prior: readonly PriorExecution[]): boolean {
  const amongTarget = handler.ruleConfig.properties.runOnceAmongTarget === 'true';
  return prior.some(
    (p) => (amongTarget || p.imsi === imsi) && p.at <= at && (p.restsUntil === null || p.restsUntil > at),
  );
}

/** Whether the rule's condition holds, and what it measured. */
function condition(
  handler: RuleHandler,
  input: RuleInput,
): { holds: true; measured?: number } | { holds: false; reason: NotFiringReason } {
  const { type, properties } = handler.ruleConfig;
  const traffic = trafficRules[type];
  if (traffic) {
    if (input.event.kind !== 'traffic') return { holds: false, reason: 'otherEvent' };
    const measured = input[traffic.figures][traffic.span];
    const limit = Number(properties.limitTotalTrafficMegaByte) * MiB;
    return measured >= limit ? { holds: true, measured } : { holds: false, reason: 'belowLimit' };
  }
  const event = input.event;
  switch (type) {
    case 'SubscriberFirstTrafficRule':
      return event.kind === 'traffic' && event.first ? { holds: true } : { holds: false, reason: 'otherEvent' };
    case 'SubscriberSpeedClassAttributeRule':
    case 'SimSpeedClassAttributeRule': {
      const wanted = properties.targetSpeedClass;
      const matches = event.kind === 'speedClass' && event.from !== event.to && (!wanted || wanted === event.to);
      return matches ? { holds: true } : { holds: false, reason: 'otherEvent' };
    }
    case 'SubscriberStatusAttributeRule':
    case 'SimStatusAttributeRule': {
      const { sourceStatus, targetStatus } = properties;
      const matches =
        event.kind === 'status' &&
        event.from !== event.to &&
        (!sourceStatus || sourceStatus === event.from) &&
        (!targetStatus || targetStatus === event.to);
      return matches ? { holds: true } : { holds: false, reason: 'otherEvent' };
    }
    case 'SubscriberExpiredRule':
    case 'SimExpiredRule':
      return input.expiryTime !== undefined && input.expiryTime <= input.at
        ? { holds: true }
        : { holds: false, reason: 'notExpired' };
    default:
      return { holds: false, reason: 'notEvaluatedLocally' };
  }
}

/** Whether `handler` fires for the input's IMSI at `input.at`, and the actions it then plans. */
export function evaluateRule(handler: RuleHandler, input: RuleInput, prior: readonly PriorExecution[]): RuleDecision {
  if (handler.status !== 'active') return { fires: false, reason: 'inactive' };
  if (input.ignored) return { fires: false, reason: 'ignored' };
  if (isResting(handler, input.imsi, input.at, prior)) return { fires: false, reason: 'resting' };
  const held = condition(handler, input);
  if (!held.holds) return { fires: false, reason: held.reason };
  const { inactiveTimeoutDateConst, inactiveTimeoutOffsetMinutes } = handler.ruleConfig.properties;
  const rest = instantOf(inactiveTimeoutDateConst, input.at, inactiveTimeoutOffsetMinutes);
  const actions: PlannedAction[] = [];
  for (const action of handler.actionConfigList) {
    const runAt = instantOf(
      action.properties.executionDateTimeConst,
      input.at,
      action.properties.executionOffsetMinutes,
    );
    if (runAt !== null) actions.push({ type: action.type, properties: action.properties, runAt });
  }
  return {
    fires: true,
    ...(held.measured !== undefined ? { measured: held.measured } : {}),
    // IMMEDIATELY rests for no time at all: the next event is evaluated afresh.
    restsUntil: rest === null ? null : rest,
    actions,
  };
}

/** One Air stats point: bytes (upload plus download) of one IMSI of one SIM at one instant (epoch ms). */
export interface TrafficPoint {
  imsi: string;
  simId: string;
  at: number;
  bytes: number;
}

/** Running day, month and cumulative sums over points met in time order. */
class RunningFigures {
  private readonly figures = new Map<string, TrafficFigures & { dayStart: number; monthStart: number }>();
  add(key: string, point: TrafficPoint): TrafficFigures {
    const dayStart = startOfDay(point.at);
    const monthStart = startOfMonth(point.at);
    const f = this.figures.get(key) ?? { day: 0, month: 0, cumulative: 0, dayStart, monthStart };
    if (f.dayStart !== dayStart) Object.assign(f, { day: 0, dayStart });
    if (f.monthStart !== monthStart) Object.assign(f, { month: 0, monthStart });
    f.day += point.bytes;
    f.month += point.bytes;
    f.cumulative += point.bytes;
    this.figures.set(key, f);
    return { day: f.day, month: f.month, cumulative: f.cumulative };
  }
}

/** A firing found by a replay. */
export interface ReplayFiring {
  imsi: string;
  simId: string;
  at: number;
  measured?: number;
  restsUntil: number | null;
  actions: PlannedAction[];
}

/**
 * Replays the traffic of a target's SIMs through the handler, point by point in time order, as the sandbox would
 * have evaluated it when each point was recorded: the firings. `points` holds the whole target's traffic (earlier
 * points count towards the day, the month and the cumulative figures); only points from `from` on are evaluated.
 */
export function replayTraffic(
  handler: RuleHandler,
  points: readonly TrafficPoint[],
  options: {
    from: number;
    to: number;
    ignored?: ReadonlySet<string>;
    expiryTimes?: ReadonlyMap<string, number>;
    prior?: readonly PriorExecution[];
  },
): ReplayFiring[] {
  const sorted = [...points].sort((a, b) => a.at - b.at);
  const executions: PriorExecution[] = [...(options.prior ?? [])];
  const firings: ReplayFiring[] = [];
  const running = new RunningFigures();
  for (const point of sorted) {
    if (point.at >= options.to) break;
    const before = running.add(`i${point.imsi}`, { ...point, bytes: 0 }).cumulative;
    const subscriber = running.add(`i${point.imsi}`, point);
    const sim = running.add(`s${point.simId}`, point);
    const target = running.add('t', point);
    if (point.at < options.from) continue;
    const input: RuleInput = {
      at: point.at,
      imsi: point.imsi,
      event: { kind: 'traffic', first: before === 0 && point.bytes > 0 },
      subscriber,
      sim,
      target,
      ...(options.expiryTimes?.has(point.simId) ? { expiryTime: options.expiryTimes.get(point.simId) } : {}),
      ignored: options.ignored?.has(point.imsi) ?? false,
    };
    const decision = evaluateRule(handler, input, executions);
    if (!decision.fires) continue;
    executions.push({ imsi: point.imsi, at: point.at, restsUntil: decision.restsUntil });
    firings.push({
      imsi: point.imsi,
      simId: point.simId,
      at: point.at,
      ...(decision.measured !== undefined ? { measured: decision.measured } : {}),
      restsUntil: decision.restsUntil,
      actions: decision.actions,
    });
  }
  return firings;
}
