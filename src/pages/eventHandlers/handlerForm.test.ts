import { describe, expect, it } from 'vitest';
import type { TFunction } from '../../app/i18n';
import { actionFields, fromProperties, invalidField, ruleFields, toProperties } from './handlerFields';
import {
  draftOf,
  type HandlerDraft,
  newAction,
  newDraft,
  toRequest,
  withActionType,
  withRuleType,
} from './handlerForm';

/** Answers the key and its options, so a test sees which message was chosen. */
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as TFunction;

describe('the event handler form', () => {
  it('turns a draft into the request the API takes: one target, empty fields left out', () => {
    const draft: HandlerDraft = {
      ...newDraft(),
      name: ' Slow down ',
      scope: 'imsi' as const,
      scopeId: '001010000000001',
      rule: {
        limitTotalTrafficMegaByte: '10',
        inactiveTimeoutDateConst: 'BEGINNING_OF_NEXT_DAY',
        inactiveTimeoutOffsetMinutes: '',
      },
      actions: [
        {
          type: 'ChangeSpeedClassAction' as const,
          values: { executionDateTimeConst: 'IMMEDIATELY', speedClass: 's1.minimum' },
        },
        {
          type: 'ExecuteWebRequestAction' as const,
          values: {
            executionDateTimeConst: 'IMMEDIATELY',
            url: 'http://127.0.0.1:9000/hook',
            httpMethod: 'POST',
            contentType: 'application/json',
            headers: '{"X-Key": "v"}',
          },
        },
      ],
    };
    expect(toRequest(draft, 'OP1', t)).toEqual({
      request: {
        name: 'Slow down',
        status: 'active',
        targetImsi: '001010000000001',
        ruleConfig: {
          type: 'SubscriberDailyTrafficRule',
          properties: { limitTotalTrafficMegaByte: '10', inactiveTimeoutDateConst: 'BEGINNING_OF_NEXT_DAY' },
        },
        actionConfigList: [
          {
            type: 'ChangeSpeedClassAction',
            properties: { executionDateTimeConst: 'IMMEDIATELY', speedClass: 's1.minimum' },
          },
          {
            type: 'ExecuteWebRequestAction',
            properties: {
              executionDateTimeConst: 'IMMEDIATELY',
              url: 'http://127.0.0.1:9000/hook',
              httpMethod: 'POST',
              contentType: 'application/json',
              headers: { 'X-Key': 'v' },
            },
          },
        ],
      },
    });
    expect(toRequest({ ...draft, scope: 'operator' }, 'OP1', t)).toMatchObject({
      request: { targetOperatorId: 'OP1' },
    });
  });

  it('names the first problem', () => {
    expect(toRequest({ ...newDraft(), name: '' }, 'OP1', t)).toEqual({ problem: 'events.form.nameRequired' });
    expect(toRequest({ ...newDraft(), name: 'n', scope: 'group' }, 'OP1', t)).toEqual({
      problem: 'events.form.targetRequired',
    });
    expect(toRequest({ ...newDraft(), name: 'n' }, 'OP1', t)).toEqual({
      problem:
        'events.form.required {"field":"events.fields.limitTotalTrafficMegaByte {\\"defaultValue\\":\\"limitTotalTrafficMegaByte\\"}"}',
    });
    expect(
      toRequest({ ...newDraft(), name: 'n', ruleType: 'DailyTotalTrafficRule', scope: 'sim', scopeId: 's' }, 'OP1', t),
    ).toEqual({ problem: 'events.form.fleetRule' });
    const fields = actionFields.ExecuteWebRequestAction;
    expect(
      invalidField(fields, {
        executionDateTimeConst: 'IMMEDIATELY',
        url: 'u',
        httpMethod: 'GET',
        contentType: 'c',
        headers: '[1]',
      }),
    ).toEqual({
      key: 'headers',
      problem: 'json',
    });
    expect(
      invalidField(ruleFields.MonthlyChargeRule, { limitTotalAmount: '1e3', inactiveTimeoutDateConst: 'NEVER' }),
    ).toEqual({
      key: 'limitTotalAmount',
      problem: 'number',
    });
  });

  it('reads a stored handler back into the same draft', () => {
    const draft: HandlerDraft = {
      ...newDraft(),
      name: 'n',
      scope: 'group' as const,
      scopeId: 'g1',
      rule: { limitTotalTrafficMegaByte: '5', inactiveTimeoutDateConst: 'AFTER_ONE_DAY' },
      actions: [{ type: 'SuspendAction' as const, values: { executionDateTimeConst: 'BEGINNING_OF_NEXT_MONTH' } }],
    };
    const built = toRequest(draft, 'OP1', t);
    if (!('request' in built)) throw new Error(built.problem);
    expect(draftOf({ ...built.request, handlerId: 'h' } as Parameters<typeof draftOf>[0])).toEqual(draft);
    expect(fromProperties(toProperties(actionFields.ExecuteWebRequestAction, { headers: '{"a":"b"}' }))).toEqual({
      headers: '{"a":"b"}',
    });
  });

  it('offers every rule its re-evaluation timing, required', () => {
    for (const fields of Object.values(ruleFields)) {
      expect(fields.find((f) => f.key === 'inactiveTimeoutDateConst')?.required).toBe(true);
    }
    for (const fields of Object.values(actionFields)) {
      expect(fields.find((f) => f.key === 'executionDateTimeConst')?.required).toBe(true);
    }
  });

  it('starts another rule type empty, at the first timing that type allows', () => {
    expect(withRuleType('SubscriberExpiredRule')).toEqual({
      ruleType: 'SubscriberExpiredRule',
      rule: { inactiveTimeoutDateConst: 'IMMEDIATELY' },
    });
    // Traffic rules cannot re-evaluate at once; first traffic only never.
    expect(withRuleType('SimDailyTotalTrafficRule').rule).toEqual({
      inactiveTimeoutDateConst: 'BEGINNING_OF_NEXT_DAY',
    });
    expect(withRuleType('SubscriberFirstTrafficRule').rule).toEqual({ inactiveTimeoutDateConst: 'NEVER' });
  });

  it('keeps when an action runs, and nothing else, when its type changes', () => {
    const mail = { type: 'SendMailAction' as const, values: { executionDateTimeConst: 'NEVER', to: 'a@example.com' } };
    expect(withActionType(mail, 'SuspendAction')).toEqual({
      type: 'SuspendAction',
      values: { executionDateTimeConst: 'NEVER' },
    });
    expect(withActionType({ type: 'SuspendAction', values: {} }, 'StandbyAction').values).toEqual({
      executionDateTimeConst: 'IMMEDIATELY',
    });
    expect(newAction()).toEqual({
      type: 'SendMailToOperatorAction',
      values: { executionDateTimeConst: 'IMMEDIATELY' },
    });
  });
});
