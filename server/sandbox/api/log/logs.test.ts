/** GET /logs: entries for what the sandbox can tell went wrong, with the description's filters and paging. */
import { createServer } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { grant, samLogin } from '../../../test/sam';

let s: ContractSandbox;
let root: Credentials;
let sim: { sim_id: string; imsi: string; group_id: string };
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

let second = 0;
async function traffic(megabytes: number) {
  second += 60;
  const res = await call('POST', `/sandbox/stats/air/subscribers/${sim.imsi}`, {
    unixtime: Math.floor(s.clock.now / 1000) - 3600 + second,
    dataTrafficStatsMap: { 's1.standard': { downloadByteSizeTotal: megabytes * 1_048_576 } },
  });
  expect(res.status, res.text).toBe(200);
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('GET /logs', () => {
  it('lists a configuration naming missing credentials and a failed web request, filtered and paged', async () => {
    const configured = await call('PUT', `/groups/${sim.group_id}/configuration/SoracomFunnel`, [
      { key: 'enabled', value: true },
      { key: 'destination', value: { provider: 'aws', service: 'kinesis', resourceUrl: 'https://example.com/x' } },
      { key: 'credentialsId', value: 'no-such-credentials' },
    ]);
    expect(configured.status, configured.text).toBe(200);
    await traffic(1);
    const funnel = await call('GET', '/logs?service=Funnel');
    expect(funnel.status, funnel.text).toBe(200);
    expect(funnel.body).toEqual([
      expect.objectContaining({
        operatorId: demo.operatorId,
        service: 'Funnel',
        resourceType: 'Subscriber',
        resourceId: sim.imsi,
        logLevel: 'error',
        time: s.clock.now,
        body: expect.objectContaining({ credentialsId: 'no-such-credentials' }),
      }),
    ]);

    const port = await closedPort();
    const handler = await call('POST', '/event_handlers', {
      name: 'Hook',
      status: 'active',
      targetImsi: sim.imsi,
      ruleConfig: {
        type: 'SubscriberDailyTrafficRule',
        properties: { limitTotalTrafficMegaByte: '1', inactiveTimeoutDateConst: 'BEGINNING_OF_NEXT_DAY' },
      },
      actionConfigList: [
        {
          type: 'ExecuteWebRequestAction',
          properties: {
            executionDateTimeConst: 'IMMEDIATELY',
            url: `http://127.0.0.1:${port}/hook`,
            httpMethod: 'GET',
            contentType: 'application/json',
            headers: {},
          },
        },
      ],
    });
    expect(handler.status, handler.text).toBe(201);
    await traffic(2);
    await expect.poll(async () => (await call('GET', '/logs?service=Air')).body.length).toBe(1);
    const air = (await call('GET', '/logs?service=Air')).body[0];
    expect(air).toMatchObject({ service: 'Air', resourceId: sim.imsi, body: { handlerId: handler.body.handlerId } });
    expect(air.body.message).toContain('Hook');

    const all = await call('GET', '/logs');
    expect(all.body.map((e: { service: string }) => e.service)).toEqual(['Air', 'Funnel', 'Funnel']);
    expect((await call('GET', `/logs?resource_type=Subscriber&resource_id=${sim.imsi}`)).body).toHaveLength(3);
    expect((await call('GET', '/logs?resource_id=001019999999999')).body).toEqual([]);
    expect((await call('GET', `/logs?to=${s.clock.now - 1}`)).body).toEqual([]);
    const first = await call('GET', '/logs?limit=2');
    expect(first.body).toHaveLength(2);
    const next = first.headers.get('x-soracom-next-key');
    expect(next).toBeTruthy();
    const rest = await call('GET', `/logs?limit=2&last_evaluated_key=${next}`);
    expect(rest.body).toEqual([all.body[2]]);
    expect(rest.headers.get('x-soracom-next-key')).toBeNull();
  });

  it('refuses bad input and a SAM user without the permission', async () => {
    expect((await call('GET', '/logs?from=5&to=4')).status).toBe(400);
    expect((await call('GET', `/logs?resource_id=${'1'.repeat(101)}`)).status).toBe(400);
    expect((await call('GET', '/logs?service=Nope')).status).toBe(400);
    await grant(s, root, demo.userName, { effect: 'allow', api: 'Sim:*' });
    const sam = await samLogin(s);
    expect((await call('GET', '/logs', undefined, sam)).status).toBe(403);
    await grant(s, root, demo.userName, { effect: 'allow', api: 'Log:getLogs' });
    expect((await call('GET', '/logs', undefined, sam)).status).toBe(200);
  });
});
