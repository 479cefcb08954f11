/**
 * Event handlers the sandbox runs: Air stats inserted through the Sandbox API cross a handler's limit, its actions
 * change the SIM and write mail, and the execution is kept and read through the local executions read.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../test/contract';
import { grant, samLogin } from '../test/sam';
import { createStores } from './context';
import { runDueActions } from './eventRunner';

const MB = 1_048_576;
let s: ContractSandbox;
let root: Credentials;
let sim: { sim_id: string; imsi: string };

beforeEach(async () => {
  s = createContractSandbox({ fleet: 5 });
  root = await s.loginRoot();
  sim = s.db
    .prepare("SELECT sim_id, imsi FROM sims WHERE operator_id = ? AND status = 'active' LIMIT 1")
    .get(demo.operatorId) as typeof sim;
  const res = await call('POST', `/sims/${sim.sim_id}/update_speed_class`, { speedClass: 's1.fast' });
  expect(res.status, res.text).toBe(200);
});

const call = (method: string, path: string, body?: unknown, auth: Credentials = root) =>
  s.call(method, path, { auth, body });

type Action = { type: string; properties: Record<string, unknown> };
const mailAction: Action = {
  type: 'SendMailToOperatorAction',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${imsi} is SORACOM's variable, filled in by the sandbox.
  properties: { executionDateTimeConst: 'IMMEDIATELY', title: 'Slowed ${imsi}', message: 'm' },
};
const slowAction: Action = {
  type: 'ChangeSpeedClassAction',
  properties: { executionDateTimeConst: 'IMMEDIATELY', speedClass: 's1.minimum' },
};

async function createHandler(actions: Action[] = [slowAction, mailAction], target = { targetImsi: '' }) {
  const res = await call('POST', '/event_handlers', {
    name: 'Slow down after 10 MB a day',
    status: 'active',
    ...(target.targetImsi === '' ? { targetImsi: sim.imsi } : target),
    ruleConfig: {
      type: 'SubscriberDailyTrafficRule',
      properties: { limitTotalTrafficMegaByte: '10', inactiveTimeoutDateConst: 'BEGINNING_OF_NEXT_DAY' },
    },
    actionConfigList: actions,
  });
  expect(res.status, res.text).toBe(201);
  return res.body.handlerId as string;
}

async function insert(offsetSeconds: number, megabytes: number) {
  const unixtime = Math.floor(s.clock.now / 1000) + offsetSeconds;
  const res = await call('POST', `/sandbox/stats/air/subscribers/${sim.imsi}`, {
    unixtime,
    dataTrafficStatsMap: { 's1.fast': { downloadByteSizeTotal: megabytes * MB, uploadByteSizeTotal: 0 } },
  });
  expect(res.status, res.text).toBe(200);
}

async function executions(query: string, auth: Credentials = root) {
  const res = await s.sandbox.executions(
    new Request(`http://sandbox.test/api/local/event_handler_executions?${query}`, {
      headers: { 'x-soracom-api-key': auth.apiKey, 'x-soracom-token': auth.token },
    }),
  );
  return { status: res.status, body: await res.json() };
}

const speedClass = async () => (await call('GET', `/sims/${sim.sim_id}`)).body.speedClass;
const handlerMails = () => s.mailbox(demo.email).filter((m) => m.kind === 'eventHandler');

describe('event handlers run on Air stats', () => {
  it('slow the SIM down and write exactly one mail when the day passes 10 MB, once a day', async () => {
    const handlerId = await createHandler();
    await insert(0, 6);
    expect(await speedClass()).toBe('s1.fast');
    expect(handlerMails()).toEqual([]);

    await insert(60, 6);
    expect(await speedClass()).toBe('s1.minimum');
    expect(handlerMails()).toEqual([
      expect.objectContaining({ subject: `Slowed ${sim.imsi}`, link: `/event-handlers/${handlerId}` }),
    ]);
    // The same day again: the handler rests for this SIM.
    await call('POST', `/sims/${sim.sim_id}/update_speed_class`, { speedClass: 's1.fast' });
    await insert(120, 6);
    expect(await speedClass()).toBe('s1.fast');
    expect(handlerMails()).toHaveLength(1);

    const read = await executions(`handlerId=${handlerId}`);
    expect(read.status).toBe(200);
    expect(read.body.executions).toEqual([
      expect.objectContaining({
        handlerId,
        imsi: sim.imsi,
        simId: sim.sim_id,
        measured: 12 * MB,
        actions: [
          expect.objectContaining({ type: 'ChangeSpeedClassAction', outcome: 'done' }),
          expect.objectContaining({ type: 'SendMailToOperatorAction', outcome: 'done' }),
        ],
      }),
    ]);
    expect((await executions(`imsi=${sim.imsi}`)).body.executions).toHaveLength(1);

    // The next UTC day counts afresh.
    await insert(86_400, 11);
    expect(await speedClass()).toBe('s1.minimum');
    expect(handlerMails()).toHaveLength(2);
  });

  it('never fire for an ignored SIM, nor when inactive', async () => {
    const handlerId = await createHandler();
    expect((await call('POST', `/event_handlers/${handlerId}/subscribers/${sim.imsi}/ignore`)).status).toBe(200);
    await insert(0, 30);
    expect(await speedClass()).toBe('s1.fast');
    expect((await executions(`handlerId=${handlerId}`)).body.executions).toEqual([]);
  });

  it('run delayed actions when they fall due', async () => {
    const later: Action = {
      type: 'ChangeSpeedClassAction',
      properties: { executionDateTimeConst: 'AFTER_ONE_DAY', speedClass: 's1.standard' },
    };
    const handlerId = await createHandler([slowAction, later]);
    await insert(0, 11);
    expect(await speedClass()).toBe('s1.minimum');
    const pending = (await executions(`handlerId=${handlerId}`)).body.executions[0];
    expect(pending.actions[1]).toMatchObject({ outcome: 'pending', runAt: s.clock.now + 86_400_000 });

    s.clock.now += 86_400_000;
    runDueActions({ stores: createStores(s.db), now: s.clock.now, log: () => {} });
    root = await s.loginRoot();
    expect(await speedClass()).toBe('s1.standard');
    expect((await executions(`handlerId=${handlerId}`)).body.executions[0].actions[1].outcome).toBe('done');
  });

  describe('web requests', () => {
    let server: Server;
    const received: { method: string; url: string; body: string }[] = [];
    afterEach(() => new Promise<void>((done) => server.close(() => done())));

    it('go to a loopback address only, and their answer is recorded', async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => {
          body += chunk;
        });
        req.on('end', () => {
          received.push({ method: req.method ?? '', url: req.url ?? '', body });
          res.writeHead(req.url === '/fail' ? 500 : 204).end();
        });
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
      const { port } = server.address() as AddressInfo;
      const hook = (url: string): Action => ({
        type: 'ExecuteWebRequestAction',
        properties: {
          executionDateTimeConst: 'IMMEDIATELY',
          url,
          httpMethod: 'POST',
          contentType: 'application/json',
          headers: {},
          // biome-ignore lint/suspicious/noTemplateCurlyInString: SORACOM's variable, filled in by the sandbox.
          body: '{"imsi":"${imsi}"}',
        },
      });
      const handlerId = await createHandler([
        hook(`http://127.0.0.1:${port}/ok`),
        hook(`http://127.0.0.1:${port}/fail`),
        hook('https://hooks.example.com/x'),
      ]);
      await insert(0, 11);
      await expect
        .poll(async () =>
          (await executions(`handlerId=${handlerId}`)).body.executions[0].actions.map(
            (a: { outcome: string }) => a.outcome,
          ),
        )
        .toEqual(['done', 'failed', 'skipped']);
      expect(received).toEqual(
        expect.arrayContaining([{ method: 'POST', url: '/ok', body: `{"imsi":"${sim.imsi}"}` }]),
      );
      expect(received.map((r) => r.url).sort()).toEqual(['/fail', '/ok']);
    });
  });
});

describe('event handlers run on status and speed class changes', () => {
  it('fire when the change matches, and the changes their own actions make set nothing off', async () => {
    const handler = async (name: string, ruleConfig: unknown, actions: Action[]) => {
      const res = await call('POST', '/event_handlers', {
        name,
        status: 'active',
        targetSimId: sim.sim_id,
        ruleConfig,
        actionConfigList: actions,
      });
      expect(res.status, res.text).toBe(201);
      return res.body.handlerId as string;
    };
    const mail = (title: string): Action => ({
      type: 'SendMailToOperatorAction',
      properties: { executionDateTimeConst: 'IMMEDIATELY', title },
    });
    const speed = await handler(
      'Slowed',
      {
        type: 'SimSpeedClassAttributeRule',
        properties: { inactiveTimeoutDateConst: 'IMMEDIATELY', targetSpeedClass: 's1.slow' },
      },
      [mail('slowed')],
    );
    const status = await handler(
      'Deactivated',
      {
        type: 'SimStatusAttributeRule',
        properties: { inactiveTimeoutDateConst: 'IMMEDIATELY', sourceStatus: 'active', targetStatus: 'inactive' },
      },
      [mail('deactivated'), { ...slowAction, properties: { ...slowAction.properties, speedClass: 's1.slow' } }],
    );
    const subjects = () => handlerMails().map((m) => m.subject);

    expect((await call('POST', `/sims/${sim.sim_id}/update_speed_class`, { speedClass: 's1.standard' })).status).toBe(
      200,
    );
    expect(subjects()).toEqual([]);
    expect((await call('POST', `/sims/${sim.sim_id}/update_speed_class`, { speedClass: 's1.slow' })).status).toBe(200);
    expect(subjects()).toEqual(['slowed']);

    await call('POST', `/sims/${sim.sim_id}/update_speed_class`, { speedClass: 's1.fast' });
    expect((await call('POST', `/sims/${sim.sim_id}/deactivate`)).status).toBe(200);
    // The status handler mailed and slowed the SIM down; that slowing did not set the speed class handler off.
    expect(subjects()).toEqual(['deactivated', 'slowed']);
    expect(await speedClass()).toBe('s1.slow');
    expect((await executions(`handlerId=${status}`)).body.executions).toHaveLength(1);
    expect((await executions(`handlerId=${speed}`)).body.executions).toHaveLength(1);
  });
});

describe('the local executions read', () => {
  it('needs a signed-in caller allowed to list event handlers, and bounded input', async () => {
    const handlerId = await createHandler();
    const anonymous = await s.sandbox.executions(new Request('http://sandbox.test/api/local/event_handler_executions'));
    expect(anonymous.status).toBe(401);
    expect((await executions('handlerId=nope')).status).toBe(404);
    expect((await executions('limit=0')).status).toBe(400);
    expect((await executions('imsi=abc')).status).toBe(400);
    expect((await executions(`handlerId=${'x'.repeat(101)}`)).status).toBe(400);

    await grant(s, root, demo.userName, { effect: 'allow', api: 'Sim:*' });
    const sam = await samLogin(s);
    const refused = await executions(`handlerId=${handlerId}`, sam);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBeTruthy();
    await grant(s, root, demo.userName, { effect: 'allow', api: 'EventHandler:listEventHandlers' });
    expect((await executions(`handlerId=${handlerId}`, sam)).status).toBe(200);
  });
});
