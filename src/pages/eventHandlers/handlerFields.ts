/**
 * The event handler form as data: per rule type and per action type, the properties it takes (from the
 * description's RuleConfig and ActionConfig texts, which list them per type), and how each is asked for. Help texts
 * are in the `events.help` part of the catalogue.
 */
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type RuleType = Schemas['RuleConfig']['type'];
export type ActionType = Schemas['ActionConfig']['type'];
type RuleKey = keyof Schemas['RuleConfigProperty'];
type ActionKey = keyof Schemas['ActionConfigProperty'];

const dateConsts = [
  'IMMEDIATELY',
  'BEGINNING_OF_NEXT_DAY',
  'BEGINNING_OF_NEXT_MONTH',
  'AFTER_ONE_DAY',
  'NEVER',
] as const;
export const speedClasses = [
  's1.minimum',
  's1.slow',
  's1.standard',
  's1.fast',
  's1.4xfast',
  's1.8xfast',
  'u1.standard',
  'u1.slow',
] as const satisfies readonly NonNullable<Schemas['ActionConfigProperty']['speedClass']>[];

export type Field =
  | { key: string; kind: 'number'; required?: boolean }
  | { key: string; kind: 'text'; required?: boolean }
  | { key: string; kind: 'longText'; required?: boolean }
  | { key: string; kind: 'headers'; required?: boolean }
  /** A credential set's ID, picked from /credentials (or made in place). */
  | { key: string; kind: 'credential'; required?: boolean }
  | { key: string; kind: 'select'; options: readonly string[]; required?: boolean };

const timing: Field = {
  key: 'inactiveTimeoutDateConst',
  kind: 'select',
  options: dateConsts,
  required: true,
} satisfies Field & { key: RuleKey };
const trafficTiming: Field = { ...timing, options: dateConsts.filter((c) => c !== 'IMMEDIATELY') };
const offset: Field = { key: 'inactiveTimeoutOffsetMinutes', kind: 'number' } satisfies Field & { key: RuleKey };
const limit: Field = { key: 'limitTotalTrafficMegaByte', kind: 'number', required: true } satisfies Field & {
  key: RuleKey;
};
const once: Field = { key: 'runOnceAmongTarget', kind: 'select', options: ['false', 'true'] } satisfies Field & {
  key: RuleKey;
};
const statuses = ['ready', 'active', 'inactive', 'standby', 'suspended'] as const;
const statusFields: Field[] = [
  timing,
  offset,
  { key: 'sourceStatus', kind: 'select', options: statuses },
  { key: 'targetStatus', kind: 'select', options: [...statuses, 'terminated'] },
];
const speedFields: Field[] = [timing, offset, { key: 'targetSpeedClass', kind: 'select', options: speedClasses }];

/** Every rule type of the description, with its fields. */
export const ruleFields: Record<RuleType, Field[]> = {
  SubscriberDailyTrafficRule: [limit, trafficTiming, offset],
  SubscriberMonthlyTrafficRule: [limit, trafficTiming, offset],
  SubscriberCumulativeTrafficRule: [limit, trafficTiming, offset],
  SimDailyTotalTrafficRule: [limit, trafficTiming, offset, once],
  SimMonthlyTotalTrafficRule: [limit, trafficTiming, offset, once],
  SimCumulativeTotalTrafficRule: [limit, trafficTiming, offset, once],
  DailyTotalTrafficRule: [limit, trafficTiming, offset, once],
  MonthlyTotalTrafficRule: [limit, trafficTiming, offset, once],
  SubscriberFirstTrafficRule: [{ ...timing, options: ['NEVER'] }],
  SubscriberStatusAttributeRule: statusFields,
  SimStatusAttributeRule: statusFields,
  SubscriberSpeedClassAttributeRule: speedFields,
  SimSpeedClassAttributeRule: speedFields,
  SubscriberExpiredRule: [timing, offset],
  SimExpiredRule: [timing, offset],
  SubscriberImeiMismatchedRule: [timing, offset],
  SimImeiMismatchedRule: [timing, offset],
  SimSubscriptionStatusRule: [
    trafficTiming,
    offset,
    once,
    { key: 'targetOtaStatus', kind: 'select', options: ['started', 'finished', 'failed'] },
  ],
  MonthlyChargeRule: [{ key: 'limitTotalAmount', kind: 'number', required: true }, timing, offset],
};

const when: Field[] = [
  { key: 'executionDateTimeConst', kind: 'select', options: dateConsts, required: true } satisfies Field & {
    key: ActionKey;
  },
  { key: 'executionOffsetMinutes', kind: 'number' } satisfies Field & { key: ActionKey },
];

/** Every action type of the description, with its fields. */
export const actionFields: Record<ActionType, Field[]> = {
  ChangeSpeedClassAction: [...when, { key: 'speedClass', kind: 'select', options: speedClasses, required: true }],
  SendMailAction: [
    ...when,
    { key: 'to', kind: 'text', required: true },
    { key: 'title', kind: 'text' },
    { key: 'message', kind: 'longText' },
  ],
  SendMailToOperatorAction: [...when, { key: 'title', kind: 'text' }, { key: 'message', kind: 'longText' }],
  ActivationAction: when,
  DeactivationAction: when,
  StandbyAction: when,
  SuspendAction: when,
  ExecuteWebRequestAction: [
    ...when,
    { key: 'url', kind: 'text', required: true },
    { key: 'httpMethod', kind: 'select', options: ['GET', 'POST', 'PUT', 'DELETE'], required: true },
    { key: 'contentType', kind: 'text', required: true },
    { key: 'headers', kind: 'headers' },
    { key: 'body', kind: 'longText' },
  ],
  InvokeAWSLambdaAction: [
    ...when,
    { key: 'endpoint', kind: 'text', required: true },
    { key: 'functionName', kind: 'text', required: true },
    { key: 'credentialsId', kind: 'credential', required: true },
    ...[1, 2, 3, 4, 5].map((n): Field => ({ key: `parameter${n}`, kind: 'text' })),
  ],
};

export const ruleTypes = Object.keys(ruleFields) as RuleType[];
export const actionTypes = Object.keys(actionFields) as ActionType[];

/** Rules that watch a group or the operator as a whole (the API refuses a single SIM as their target). */
export const fleetRules: readonly RuleType[] = ['DailyTotalTrafficRule', 'MonthlyTotalTrafficRule'];

/** A property set as the API takes it: empty fields left out, headers parsed from their JSON text. */
export function toProperties(fields: readonly Field[], values: Record<string, string>): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.key]?.trim() ?? '';
    if (value === '') continue;
    properties[field.key] = field.kind === 'headers' ? (JSON.parse(value) as unknown) : value;
  }
  return properties;
}

/** The form's text values of stored properties. */
export function fromProperties(properties: Record<string, unknown> | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties ?? {})) {
    values[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return values;
}

/** The first field of the list that is required and empty, or holds what its kind refuses. */
export function invalidField(
  fields: readonly Field[],
  values: Record<string, string>,
): { key: string; problem: 'required' | 'number' | 'json' } | null {
  for (const field of fields) {
    const value = values[field.key]?.trim() ?? '';
    if (value === '') {
      if (field.required) return { key: field.key, problem: 'required' };
      continue;
    }
    if (field.kind === 'number' && !/^\d{1,10}$/.test(value)) return { key: field.key, problem: 'number' };
    if (field.kind === 'headers') {
      try {
        const parsed = JSON.parse(value) as unknown;
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      } catch {
        return { key: field.key, problem: 'json' };
      }
    }
  }
  return null;
}
