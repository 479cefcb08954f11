import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateRule,
  instantOf,
  type RuleHandler,
  type RuleInput,
  replayTraffic,
  startOfDay,
  startOfMonth,
  type TrafficPoint,
} from './eventRules';

const MiB = 1_048_576;
const hour = 3_600_000;
const day = 24 * hour;
const t0 = Date.UTC(2026, 2, 10, 9, 0, 0);

function handler(type: string, properties: Record<string, unknown>, status = 'active'): RuleHandler {
  return {
    handlerId: 'h1',
    status,
    ruleConfig: { type, properties },
    actionConfigList: [
      {
        type: 'ChangeSpeedClassAction',
        properties: { executionDateTimeConst: 'IMMEDIATELY', speedClass: 's1.minimum' },
      },
      {
        type: 'ChangeSpeedClassAction',
        properties: { executionDateTimeConst: 'AFTER_ONE_DAY', speedClass: 's1.fast' },
      },
      { type: 'SendMailAction', properties: { executionDateTimeConst: 'NEVER', to: 'x@example.com' } },
    ],
  };
}
const daily10 = handler('SubscriberDailyTrafficRule', {
  limitTotalTrafficMegaByte: '10',
  inactiveTimeoutDateConst: 'BEGINNING_OF_NEXT_DAY',
});

function input(over: Partial<RuleInput> = {}): RuleInput {
  const none = { day: 0, month: 0, cumulative: 0 };
  return {
    at: t0,
    imsi: '001010000000001',
    event: { kind: 'traffic', first: false },
    subscriber: none,
    sim: none,
    target: none,
    ignored: false,
    ...over,
  };
}

describe('instantOf', () => {
  it('reads each constant from the instant, plus the offset in minutes', () => {
    expect(instantOf('IMMEDIATELY', t0, '5')).toBe(t0 + 5 * 60_000);
    expect(instantOf('AFTER_ONE_DAY', t0, undefined)).toBe(t0 + day);
    expect(instantOf('BEGINNING_OF_NEXT_DAY', t0, '0')).toBe(Date.UTC(2026, 2, 11));
    expect(instantOf('BEGINNING_OF_NEXT_MONTH', t0, '60')).toBe(Date.UTC(2026, 3, 1) + hour);
    expect(instantOf('NEVER', t0, '5')).toBeNull();
  });
});

describe('evaluateRule', () => {
  it('fires a daily rule at its limit, planning the actions at their times and skipping NEVER', () => {
    const decision = evaluateRule(
      daily10,
      input({ subscriber: { day: 10 * MiB, month: 10 * MiB, cumulative: 10 * MiB } }),
      [],
    );
    expect(decision).toEqual({
      fires: true,
      measured: 10 * MiB,
      restsUntil: Date.UTC(2026, 2, 11),
      actions: [
        {
          type: 'ChangeSpeedClassAction',
          properties: expect.objectContaining({ speedClass: 's1.minimum' }),
          runAt: t0,
        },
        {
          type: 'ChangeSpeedClassAction',
          properties: expect.objectContaining({ speedClass: 's1.fast' }),
          runAt: t0 + day,
        },
      ],
    });
  });

  it('does not fire below the limit, nor when inactive, ignored or resting', () => {
    const over = { subscriber: { day: 11 * MiB, month: 11 * MiB, cumulative: 11 * MiB } };
    expect(evaluateRule(daily10, input({ subscriber: { day: 10 * MiB - 1, month: 0, cumulative: 0 } }), [])).toEqual({
      fires: false,
      reason: 'belowLimit',
    });
    expect(evaluateRule({ ...daily10, status: 'inactive' }, input(over), [])).toEqual({
      fires: false,
      reason: 'inactive',
    });
    expect(evaluateRule(daily10, input({ ...over, ignored: true }), [])).toEqual({ fires: false, reason: 'ignored' });
    const mine = { imsi: '001010000000001', at: t0 - hour, restsUntil: Date.UTC(2026, 2, 11) };
    const prior = [mine];
    expect(evaluateRule(daily10, input(over), prior)).toEqual({ fires: false, reason: 'resting' });
    // Another SIM's execution does not make this one rest, unless the rule runs once among the target.
    const other = [{ ...mine, imsi: '001010000000002' }];
    expect(evaluateRule(daily10, input(over), other).fires).toBe(true);
    const once = handler('SimDailyTotalTrafficRule', {
      limitTotalTrafficMegaByte: '10',
      inactiveTimeoutDateConst: 'BEGINNING_OF_NEXT_DAY',
      runOnceAmongTarget: 'true',
    });
    expect(evaluateRule(once, input({ sim: over.subscriber }), other)).toEqual({ fires: false, reason: 'resting' });
  });

  it('measures the figures each rule names', () => {
    const figures = { subscriber: { day: 1, month: 2, cumulative: 3 }, sim: { day: 4, month: 5, cumulative: 6 } };
    const target = { day: 7 * MiB, month: 8 * MiB, cumulative: 9 * MiB };
    const limit = (type: string, mb: string) =>
      evaluateRule(
        handler(type, { limitTotalTrafficMegaByte: mb, inactiveTimeoutDateConst: 'NEVER' }),
        input({ ...figures, target }),
        [],
      );
    expect(limit('MonthlyTotalTrafficRule', '8')).toMatchObject({ fires: true, measured: 8 * MiB });
    expect(limit('DailyTotalTrafficRule', '8')).toMatchObject({ fires: false });
    expect(limit('SimCumulativeTotalTrafficRule', '1')).toMatchObject({ fires: false });
  });

  it('watches the first traffic, speed class and status changes and the expiry', () => {
    const first = handler('SubscriberFirstTrafficRule', { inactiveTimeoutDateConst: 'NEVER' });
    expect(evaluateRule(first, input({ event: { kind: 'traffic', first: true } }), []).fires).toBe(true);
    expect(evaluateRule(first, input(), [])).toEqual({ fires: false, reason: 'otherEvent' });
    const speed = handler('SimSpeedClassAttributeRule', {
      inactiveTimeoutDateConst: 'IMMEDIATELY',
      targetSpeedClass: 's1.slow',
    });
    expect(
      evaluateRule(speed, input({ event: { kind: 'speedClass', from: 's1.fast', to: 's1.slow' } }), []).fires,
    ).toBe(true);
    expect(
      evaluateRule(speed, input({ event: { kind: 'speedClass', from: 's1.slow', to: 's1.fast' } }), []).fires,
    ).toBe(false);
    const status = handler('SimStatusAttributeRule', {
      inactiveTimeoutDateConst: 'NEVER',
      sourceStatus: 'ready',
      targetStatus: 'active',
    });
    expect(evaluateRule(status, input({ event: { kind: 'status', from: 'ready', to: 'active' } }), []).fires).toBe(
      true,
    );
    expect(evaluateRule(status, input({ event: { kind: 'status', from: 'inactive', to: 'active' } }), []).fires).toBe(
      false,
    );
    const expired = handler('SimExpiredRule', { inactiveTimeoutDateConst: 'NEVER' });
    expect(evaluateRule(expired, input({ expiryTime: t0 - 1 }), []).fires).toBe(true);
    expect(evaluateRule(expired, input({ expiryTime: t0 + 1 }), [])).toEqual({ fires: false, reason: 'notExpired' });
    const charge = handler('MonthlyChargeRule', { inactiveTimeoutDateConst: 'NEVER', limitTotalAmount: '1' });
    expect(evaluateRule(charge, input(), [])).toEqual({ fires: false, reason: 'notEvaluatedLocally' });
  });
});

describe('replayTraffic', () => {
  const point = (imsi: string, at: number, mb: number): TrafficPoint => ({
    imsi,
    simId: `sim-${imsi}`,
    at,
    bytes: mb * MiB,
  });

  it('fires once on the day a SIM passes the limit, again the next day, and counts days from midnight UTC', () => {
    const points = [
      point('a', t0, 6),
      point('a', t0 + hour, 6), // 12 MB: fires
      point('a', t0 + 2 * hour, 6), // resting
      point('a', t0 + day, 9), // a new day: 9 MB
      point('a', t0 + day + hour, 2), // 11 MB: fires again
      point('b', t0, 4),
    ];
    const firings = replayTraffic(daily10, points, { from: 0, to: Number.MAX_SAFE_INTEGER });
    expect(firings.map((f) => [f.imsi, f.at, f.measured])).toEqual([
      ['a', t0 + hour, 12 * MiB],
      ['a', t0 + day + hour, 11 * MiB],
    ]);
  });

  it('evaluates only the period asked for, with the earlier traffic counted', () => {
    const points = [point('a', t0, 8), point('a', t0 + hour, 3)];
    expect(replayTraffic(daily10, points, { from: t0 + 1, to: t0 + day }).map((f) => f.at)).toEqual([t0 + hour]);
    expect(replayTraffic(daily10, points, { from: t0 + 2 * hour, to: t0 + day })).toEqual([]);
  });

  const dateConsts = ['BEGINNING_OF_NEXT_DAY', 'BEGINNING_OF_NEXT_MONTH', 'AFTER_ONE_DAY', 'NEVER'] as const;
  const ruleTypes = [
    'SubscriberDailyTrafficRule',
    'SubscriberMonthlyTrafficRule',
    'SubscriberCumulativeTrafficRule',
    'SimDailyTotalTrafficRule',
    'SubscriberFirstTrafficRule',
  ] as const;

  it('fires at most once per evaluation window per SIM, and never for an ignored SIM (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ruleTypes),
        fc.constantFrom(...dateConsts),
        fc.nat(120),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.record({ imsi: fc.constantFrom('a', 'b', 'c'), minute: fc.nat(90 * 24 * 60), mb: fc.nat(20) }), {
          maxLength: 120,
        }),
        fc.subarray(['a', 'b', 'c']),
        (type, timeout, offset, limit, raw, ignoredList) => {
          const h = handler(type, {
            inactiveTimeoutDateConst: type === 'SubscriberFirstTrafficRule' ? 'NEVER' : timeout,
            inactiveTimeoutOffsetMinutes: String(offset),
            ...(type === 'SubscriberFirstTrafficRule' ? {} : { limitTotalTrafficMegaByte: String(limit) }),
          });
          const points = raw.map((r) => point(r.imsi, t0 + r.minute * 60_000, r.mb));
          const ignored = new Set(ignoredList);
          const firings = replayTraffic(h, points, { from: 0, to: Number.MAX_SAFE_INTEGER, ignored });
          for (const imsi of ['a', 'b', 'c']) {
            const mine = firings.filter((f) => f.imsi === imsi);
            if (ignored.has(imsi)) expect(mine).toEqual([]);
            for (let i = 1; i < mine.length; i++) {
              const previous = mine[i - 1];
              const next = mine[i];
              if (!previous || !next) continue;
              // The window the previous firing opened has closed before the next one.
              expect(previous.restsUntil).not.toBeNull();
              expect(next.at).toBeGreaterThanOrEqual(previous.restsUntil as number);
              // So at most once per UTC day (and month) when the handler rests until the next one starts.
              if (timeout === 'BEGINNING_OF_NEXT_DAY')
                expect(startOfDay(next.at)).toBeGreaterThan(startOfDay(previous.at));
              if (timeout === 'BEGINNING_OF_NEXT_MONTH')
                expect(startOfMonth(next.at)).toBeGreaterThan(startOfMonth(previous.at));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
