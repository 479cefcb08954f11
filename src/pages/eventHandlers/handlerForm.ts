/** The event handler form's state, and the request it becomes: pure, so it is tested on its own. */
import type { EventHandler, EventHandlerInput } from '../../api/resources/eventHandlers';
import type { TFunction } from '../../app/i18n';
import {
  type ActionType,
  actionFields,
  fleetRules,
  fromProperties,
  invalidField,
  type RuleType,
  ruleFields,
  toProperties,
} from './handlerFields';
import { targetOf } from './labels';

export type ScopeKind = 'operator' | 'group' | 'sim' | 'imsi';

export interface HandlerDraft {
  name: string;
  description: string;
  active: boolean;
  scope: ScopeKind;
  /** The group ID, SIM ID or IMSI (unused for the account). */
  scopeId: string;
  ruleType: RuleType;
  rule: Record<string, string>;
  actions: HandlerAction[];
}

export interface HandlerAction {
  type: ActionType;
  values: Record<string, string>;
}

/** The form offers no more actions than this. */
export const maxActions = 10;

/** The action the form adds: a mail to the account's owner, at once. */
export const newAction = (): HandlerAction => ({
  type: 'SendMailToOperatorAction',
  values: { executionDateTimeConst: 'IMMEDIATELY' },
});

/** Another rule type: its fields start empty, but for its timing, set to the first one the type allows. */
export function withRuleType(type: RuleType): Pick<HandlerDraft, 'ruleType' | 'rule'> {
  const timing = ruleFields[type].find((f) => f.key === 'inactiveTimeoutDateConst');
  const first = timing?.kind === 'select' ? (timing.options[0] ?? '') : '';
  return { ruleType: type, rule: { inactiveTimeoutDateConst: first } };
}

/** Another type for an action: its fields start empty, but for when it runs, which stays. */
export const withActionType = (action: HandlerAction, type: ActionType): HandlerAction => ({
  type,
  values: { executionDateTimeConst: action.values.executionDateTimeConst ?? 'IMMEDIATELY' },
});

export const newDraft = (): HandlerDraft => ({
  name: '',
  description: '',
  active: true,
  scope: 'operator',
  scopeId: '',
  ruleType: 'SubscriberDailyTrafficRule',
  rule: { inactiveTimeoutDateConst: 'BEGINNING_OF_NEXT_DAY' },
  actions: [{ type: 'ChangeSpeedClassAction', values: { executionDateTimeConst: 'IMMEDIATELY' } }],
});

export function draftOf(handler: EventHandler): HandlerDraft {
  const target = targetOf(handler);
  return {
    name: handler.name,
    description: handler.description ?? '',
    active: handler.status === 'active',
    scope: target.kind,
    scopeId: target.kind === 'operator' ? '' : target.id,
    ruleType: handler.ruleConfig.type,
    rule: fromProperties(handler.ruleConfig.properties as Record<string, unknown>),
    actions: handler.actionConfigList.map((a) => ({
      type: a.type,
      values: fromProperties(a.properties as Record<string, unknown>),
    })),
  };
}

const targetKeys = {
  operator: 'targetOperatorId',
  group: 'targetGroupId',
  sim: 'targetSimId',
  imsi: 'targetImsi',
} as const;

/** The request, or the first problem in words. */
export function toRequest(
  draft: HandlerDraft,
  operatorId: string,
  t: TFunction,
): { request: EventHandlerInput } | { problem: string } {
  if (!draft.name.trim()) return { problem: t('events.form.nameRequired') };
  if (draft.scope !== 'operator' && !draft.scopeId.trim()) return { problem: t('events.form.targetRequired') };
  if (fleetRules.includes(draft.ruleType) && (draft.scope === 'sim' || draft.scope === 'imsi')) {
    return { problem: t('events.form.fleetRule') };
  }
  const lists = [
    { fields: ruleFields[draft.ruleType], values: draft.rule },
    ...draft.actions.map((a) => ({ fields: actionFields[a.type], values: a.values })),
  ];
  for (const { fields, values } of lists) {
    const invalid = invalidField(fields, values);
    if (invalid) {
      const field = t(`events.fields.${invalid.key}` as Parameters<TFunction>[0], { defaultValue: invalid.key });
      return { problem: t(`events.form.${invalid.problem}`, { field }) };
    }
  }
  const request = {
    name: draft.name.trim(),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    status: draft.active ? 'active' : 'inactive',
    [targetKeys[draft.scope]]: draft.scope === 'operator' ? operatorId : draft.scopeId.trim(),
    ruleConfig: { type: draft.ruleType, properties: toProperties(ruleFields[draft.ruleType], draft.rule) },
    actionConfigList: draft.actions.map((a) => ({
      type: a.type,
      properties: toProperties(actionFields[a.type], a.values),
    })),
  } as EventHandlerInput;
  return { request };
}
