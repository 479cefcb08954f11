/** Event handlers: CRUD for every rule and action type, targets, ignore per SIM, bad input, a limited SAM user. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { grant, samLogin } from '../../../test/sam';
import { codes } from '../../errors';
import { eventHandlerActions, eventHandlerLimits, eventHandlerRules } from '../../guesses';

let s: ContractSandbox;
let root: Credentials;
let sim: { sim_id: string; imsi: string; group_id: string | null };
beforeEach(async () => {
  s = createContractSandbox({ fleet: 10 });
  root = await s.loginRoot();
  sim = s.db
    .prepare(
      "SELECT sim_id, imsi, group_id FROM sims WHERE operator_id = ? AND group_id IS NOT NULL AND group_id != '' LIMIT 1",
    )
    .get(demo.operatorId) as typeof sim;
});

const call = (method: string, path: string, body?: unknown, auth: Credentials = root) =>
  s.call(method, path, { auth, body });

const dailySlowDown = (target: Record<string, string> = { targetImsi: sim.imsi }) => ({
  name: 'Slow down after 10 MB a day',
  description: 'From the test',
  status: 'active',
  ...target,
  ruleConfig: {
    type: 'SubscriberDailyTrafficRule',
    properties: { limitTotalTrafficMegaByte: '10', inactiveTimeoutDateConst: 'BEGINNING_OF_NEXT_DAY' },
  },
  actionConfigList: [
    { type: 'ChangeSpeedClassAction', properties: { executionDateTimeConst: 'IMMEDIATELY', speedClass: 's1.minimum' } },
    {
      type: 'SendMailToOperatorAction',
      properties: { executionDateTimeConst: 'IMMEDIATELY', title: 't', message: 'm' },
    },
  ],
});

/** Properties that fit a rule or an action type: its required ones and its timing. */
function propertiesFor(spec: { required: readonly string[] }, timing: string, value: string) {
  const properties: Record<string, unknown> = { [timing]: value };
  for (const key of spec.required) {
    properties[key] =
      key === 'headers'
        ? { 'X-Test': '1' }
        : key === 'url'
          ? 'https://example.com/hook'
          : key === 'httpMethod'
            ? 'POST'
            : key === 'credentialsId'
              ? 'demo-credentials'
              : key.startsWith('limit')
                ? '10'
                : 'x';
  }
  return properties;
}

describe('event handlers', () => {
  it('are created, read, listed, replaced and deleted', async () => {
    const created = await call('POST', '/event_handlers', dailySlowDown());
    expect(created.status, created.text).toBe(201);
    const { handlerId } = created.body;
    expect(created.body).toEqual({ ...dailySlowDown(), handlerId });
    expect((await call('GET', `/event_handlers/${handlerId}`)).body).toEqual(created.body);
    expect((await call('GET', '/event_handlers')).body).toEqual([created.body]);
    expect((await call('GET', '/event_handlers?target=imsi')).body).toHaveLength(1);
    expect((await call('GET', '/event_handlers?target=group')).body).toEqual([]);

    const replaced = await call('PUT', `/event_handlers/${handlerId}`, {
      ...dailySlowDown({ targetOperatorId: demo.operatorId }),
      status: 'inactive',
    });
    expect(replaced.status, replaced.text).toBe(200);
    const read = (await call('GET', `/event_handlers/${handlerId}`)).body;
    expect(read).toMatchObject({ handlerId, status: 'inactive', targetOperatorId: demo.operatorId });
    expect(read.targetImsi).toBeUndefined();

    expect((await call('DELETE', `/event_handlers/${handlerId}`)).status).toBe(204);
    expect((await call('GET', `/event_handlers/${handlerId}`)).status).toBe(404);
    expect((await call('PUT', `/event_handlers/${handlerId}`, dailySlowDown())).status).toBe(404);
    expect((await call('DELETE', `/event_handlers/${handlerId}`)).status).toBe(404);
  });

  it('accept every rule and every action type of the description', async () => {
    for (const [type, rule] of Object.entries(eventHandlerRules)) {
      const timing = type === 'SubscriberFirstTrafficRule' ? 'NEVER' : 'BEGINNING_OF_NEXT_MONTH';
      const body = {
        ...dailySlowDown({ targetOperatorId: demo.operatorId }),
        ruleConfig: { type, properties: propertiesFor(rule, 'inactiveTimeoutDateConst', timing) },
      };
      const res = await call('POST', '/event_handlers', body);
      expect(res.status, `${type}: ${res.text}`).toBe(201);
    }
    for (const [type, action] of Object.entries(eventHandlerActions)) {
      const body = {
        ...dailySlowDown(),
        actionConfigList: [{ type, properties: propertiesFor(action, 'executionDateTimeConst', 'AFTER_ONE_DAY') }],
      };
      const res = await call('POST', '/event_handlers', body);
      expect(res.status, `${type}: ${res.text}`).toBe(201);
    }
  });

  it('keep a credential set they invoke Lambda with from being deleted', async () => {
    const body = {
      ...dailySlowDown(),
      actionConfigList: [
        {
          type: 'InvokeAWSLambdaAction',
          properties: {
            executionDateTimeConst: 'IMMEDIATELY',
            endpoint: 'https://lambda.ap-northeast-1.amazonaws.com',
            functionName: 'f',
            credentialsId: 'lambda-set',
          },
        },
      ],
    };
    const set = { type: 'aws-credentials', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } };
    expect((await call('POST', '/credentials/lambda-set', set)).status).toBe(201);
    const { handlerId } = (await call('POST', '/event_handlers', body)).body;
    const refused = await call('DELETE', '/credentials/lambda-set');
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(codes.credentialsInUse);
    expect(refused.body.message).toContain(handlerId);
    expect((await call('DELETE', `/event_handlers/${handlerId}`)).status).toBe(204);
    expect((await call('DELETE', '/credentials/lambda-set')).status).toBe(204);
  });

  it('list the handlers that watch an IMSI: by IMSI, SIM, group or operator', async () => {
    const ids: Record<string, string> = {};
    const targets: Record<string, Record<string, string>> = {
      imsi: { targetImsi: sim.imsi },
      sim: { targetSimId: sim.sim_id },
      group: { targetGroupId: sim.group_id ?? '' },
      operator: { targetOperatorId: demo.operatorId },
    };
    for (const [name, target] of Object.entries(targets)) {
      ids[name] = (await call('POST', '/event_handlers', dailySlowDown(target))).body.handlerId;
    }
    const other = s.db
      .prepare(
        'SELECT imsi FROM sims WHERE operator_id = ? AND sim_id != ? AND (group_id IS NULL OR group_id != ?) LIMIT 1',
      )
      .get(demo.operatorId, sim.sim_id, sim.group_id) as { imsi: string };
    const mine = (await call('GET', `/event_handlers/subscribers/${sim.imsi}`)).body.map(
      (h: { handlerId: string }) => h.handlerId,
    );
    expect(new Set(mine)).toEqual(new Set(Object.values(ids)));
    const theirs = (await call('GET', `/event_handlers/subscribers/${other.imsi}`)).body;
    expect(theirs.map((h: { handlerId: string }) => h.handlerId)).toEqual([ids.operator]);
    expect((await call('GET', '/event_handlers/subscribers/001010000000000')).status).toBe(404);
  });

  it('ignore and un-ignore a SIM', async () => {
    const { handlerId } = (await call('POST', '/event_handlers', dailySlowDown())).body;
    const ignore = `/event_handlers/${handlerId}/subscribers/${sim.imsi}/ignore`;
    expect((await call('POST', ignore)).status).toBe(200);
    expect((await call('POST', ignore)).status).toBe(200);
    expect(s.db.prepare('SELECT count(*) AS n FROM event_handler_ignores').get()).toEqual({ n: 1 });
    expect((await call('DELETE', ignore)).status).toBe(204);
    expect((await call('DELETE', ignore)).status).toBe(404);
    expect((await call('POST', `/event_handlers/nope/subscribers/${sim.imsi}/ignore`)).status).toBe(404);
    expect((await call('POST', `/event_handlers/${handlerId}/subscribers/001010000000000/ignore`)).status).toBe(404);
    expect((await call('POST', ignore)).status).toBe(200);
    expect((await call('DELETE', `/event_handlers/${handlerId}`)).status).toBe(204);
    expect(s.db.prepare('SELECT count(*) AS n FROM event_handler_ignores').get()).toEqual({ n: 0 });
  });

  it('answer 400 {code, message} for bad input and past the limit', async () => {
    const base = dailySlowDown();
    const rule = (properties: Record<string, unknown>, type = 'SubscriberDailyTrafficRule') => ({
      ...base,
      ruleConfig: { type, properties },
    });
    const action = (type: string, properties: Record<string, unknown>) => ({
      ...base,
      actionConfigList: [{ type, properties }],
    });
    const bad: [string, unknown][] = [
      ['no target', { ...base, targetImsi: undefined }],
      ['two targets', { ...base, targetOperatorId: demo.operatorId }],
      ['another operator', { ...base, targetImsi: undefined, targetOperatorId: 'OP9999999999' }],
      ['unknown group', { ...base, targetImsi: undefined, targetGroupId: 'nope' }],
      ['empty name', { ...base, name: ' ' }],
      ['long name', { ...base, name: 'n'.repeat(101) }],
      ['no actions', { ...base, actionConfigList: [] }],
      ['too many actions', { ...base, actionConfigList: Array(11).fill(base.actionConfigList[0]) }],
      ['missing limit', rule({ inactiveTimeoutDateConst: 'NEVER' })],
      ['missing timing', rule({ limitTotalTrafficMegaByte: '10' })],
      ['limit not a number', rule({ limitTotalTrafficMegaByte: 'ten', inactiveTimeoutDateConst: 'NEVER' })],
      ['limit zero', rule({ limitTotalTrafficMegaByte: '0', inactiveTimeoutDateConst: 'NEVER' })],
      ['traffic rule immediately', rule({ limitTotalTrafficMegaByte: '1', inactiveTimeoutDateConst: 'IMMEDIATELY' })],
      ['unknown rule property', rule({ limitTotalTrafficMegaByte: '1', inactiveTimeoutDateConst: 'NEVER', x: '1' })],
      ['first traffic not NEVER', rule({ inactiveTimeoutDateConst: 'AFTER_ONE_DAY' }, 'SubscriberFirstTrafficRule')],
      [
        'group rule on an IMSI',
        rule({ limitTotalTrafficMegaByte: '1', inactiveTimeoutDateConst: 'NEVER' }, 'DailyTotalTrafficRule'),
      ],
      [
        'offset too large',
        rule({
          limitTotalTrafficMegaByte: '1',
          inactiveTimeoutDateConst: 'NEVER',
          inactiveTimeoutOffsetMinutes: '9999999',
        }),
      ],
      [
        'web request without url',
        action('ExecuteWebRequestAction', {
          executionDateTimeConst: 'IMMEDIATELY',
          httpMethod: 'GET',
          contentType: 'text/plain',
          headers: {},
        }),
      ],
      [
        'web request to ftp',
        action('ExecuteWebRequestAction', {
          executionDateTimeConst: 'IMMEDIATELY',
          url: 'ftp://x',
          httpMethod: 'GET',
          contentType: 'text/plain',
          headers: {},
        }),
      ],
      [
        'lambda without credentials',
        action('InvokeAWSLambdaAction', {
          executionDateTimeConst: 'IMMEDIATELY',
          endpoint: 'https://l',
          functionName: 'f',
        }),
      ],
      [
        'lambda with unknown credentials',
        action('InvokeAWSLambdaAction', {
          executionDateTimeConst: 'IMMEDIATELY',
          endpoint: 'https://l',
          functionName: 'f',
          credentialsId: 'nope',
        }),
      ],
      [
        'unknown action property',
        action('SuspendAction', { executionDateTimeConst: 'IMMEDIATELY', speedClass: 's1.fast' }),
      ],
      ['unknown action type', action('LaunchRocketAction', { executionDateTimeConst: 'IMMEDIATELY' })],
      [
        'long message',
        action('SendMailAction', { executionDateTimeConst: 'IMMEDIATELY', message: 'm'.repeat(10_001) }),
      ],
    ];
    for (const [label, body] of bad) {
      const res = await call('POST', '/event_handlers', body);
      expect(res.status, label).toBe(400);
      expect(res.body, label).toEqual({ code: expect.any(String), message: expect.any(String) });
    }
    expect((await call('GET', '/event_handlers')).body).toEqual([]);

    const insert = s.db.prepare(
      "INSERT INTO event_handlers (operator_id, handler_id, doc, created_at, updated_at) VALUES (?, ?, '{}', 0, 0)",
    );
    for (let i = 0; i < eventHandlerLimits.perOperator; i++) insert.run(demo.operatorId, `filler-${i}`);
    const full = await call('POST', '/event_handlers', base);
    expect(full.status).toBe(400);
    expect(full.body.code).toBe(codes.limitExceeded);
  });

  it('are the operator’s own, and refused to a SAM user whose permission does not allow them', async () => {
    const { handlerId } = (await call('POST', '/event_handlers', dailySlowDown())).body;
    const other = await s.newOperator();
    expect((await call('GET', '/event_handlers', undefined, other)).body).toEqual([]);
    expect((await call('GET', `/event_handlers/${handlerId}`, undefined, other)).status).toBe(404);
    await grant(s, root, demo.userName, { effect: 'allow', api: 'Sim:*' });
    const sam = await samLogin(s);
    expect((await call('GET', '/event_handlers', undefined, sam)).status).toBe(403);
    expect((await call('POST', '/event_handlers', dailySlowDown(), sam)).status).toBe(403);
    expect((await call('DELETE', `/event_handlers/${handlerId}`, undefined, sam)).status).toBe(403);
    await grant(s, root, demo.userName, { effect: 'allow', api: 'EventHandler:listEventHandlers' });
    expect((await call('GET', '/event_handlers', undefined, sam)).status).toBe(200);
  });
});
