/**
 * Credential sets: every type of the description, secrets never answered (every answer of the test is searched for
 * them), in-use sets not deleted, limits and bad input, a limited SAM user refused.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type CallOptions,
  type CallResult,
  type ContractSandbox,
  type Credentials,
  createContractSandbox,
  demo,
} from '../../../test/contract';
import { grant, samLogin } from '../../../test/sam';
import { codes } from '../../errors';
import { credentialLimits, credentialTypes } from '../../guesses';

let s: ContractSandbox;
let root: Credentials;
/** Every answer of the test, searched for secrets at the end of each test. */
let answers: CallResult[];
const secrets: string[] = [];

beforeEach(async () => {
  s = createContractSandbox({ fleet: 10 });
  root = await s.loginRoot();
  answers = [];
  secrets.length = 0;
  return () => {
    for (const answer of answers) {
      for (const secret of secrets) expect(answer.text).not.toContain(secret);
      for (const [name, value] of answer.headers) {
        for (const secret of secrets) expect(`${name}: ${value}`).not.toContain(secret);
      }
    }
    const stored = JSON.stringify(s.db.prepare('SELECT * FROM credentials').all());
    for (const secret of secrets) expect(stored).not.toContain(secret);
    for (const line of s.logs) for (const secret of secrets) expect(line).not.toContain(secret);
  };
});

async function call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const res = await s.call(method, path, { auth: root, ...options });
  answers.push(res);
  return res;
}

let n = 0;
/** A set of `type` with every field filled; its secret values are remembered for the search. */
function setOf(type: string) {
  const fields = credentialTypes[type];
  if (!fields) throw new Error(type);
  const credentials: Record<string, string> = {};
  for (const name of fields.public) credentials[name] = `public-${name}-${++n}`;
  for (const name of fields.secret) {
    const secret = `TOP-SECRET-${name}-${++n}-${Math.random().toString(36).slice(2)}`;
    credentials[name] = secret;
    secrets.push(secret);
  }
  return { type, credentials };
}

describe('credentials', () => {
  it('are created for every type of the description, listed and answered without their secrets', async () => {
    const types = Object.keys(credentialTypes);
    expect(types).toHaveLength(20);
    for (const type of types) {
      const body = { ...setOf(type), description: `${type} set` };
      const created = await call('POST', `/credentials/c-${type}`, { body });
      expect(created.status, created.text).toBe(201);
      const publicFields = Object.fromEntries(
        Object.entries(body.credentials).filter(([name]) => credentialTypes[type]?.public.includes(name)),
      );
      expect(created.body).toEqual({
        credentialsId: `c-${type}`,
        type,
        description: `${type} set`,
        credentials: publicFields,
        createDateTime: Math.floor(s.clock.now / 1000),
        updateDateTime: Math.floor(s.clock.now / 1000),
        lastUsedDateTime: 0,
      });
    }
    const list = await call('GET', '/credentials');
    expect(list.status).toBe(200);
    expect(list.body.map((c: { credentialsId: string }) => c.credentialsId)).toEqual(
      ['demo-credentials', ...types.map((t) => `c-${t}`)].sort(),
    );
  });

  it('rotate: PUT replaces the secret and the fields, keeps the description unless given, moves updateDateTime', async () => {
    expect(
      (await call('POST', '/credentials/aws', { body: { ...setOf('aws-credentials'), description: 'd' } })).status,
    ).toBe(201);
    s.clock.advance(5000);
    const rotated = await call('PUT', '/credentials/aws', { body: setOf('aws-credentials') });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({
      credentialsId: 'aws',
      description: 'd',
      updateDateTime: Math.floor(s.clock.now / 1000),
      createDateTime: Math.floor((s.clock.now - 5000) / 1000),
    });
    expect(Object.keys(rotated.body.credentials)).toEqual(['accessKeyId']);
    const missingSecret = await call('PUT', '/credentials/aws', {
      body: { type: 'aws-credentials', credentials: { accessKeyId: 'x' } },
    });
    expect(missingSecret.status).toBe(400);
    expect((await call('PUT', '/credentials/nope', { body: setOf('psk') })).status).toBe(404);
  });

  it('refuse to delete a set a group configuration names, naming the groups; delete it once unused', async () => {
    const refused = await call('DELETE', '/credentials/demo-credentials');
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(codes.credentialsInUse);
    expect(refused.body.message).toContain('Vending machines');
    const groups = (await call('GET', '/groups')).body as { groupId: string; tags: { name?: string } }[];
    const vending = groups.find((g) => g.tags.name === 'Vending machines');
    expect(refused.body.message).toContain(vending?.groupId);
    const removed = await call('DELETE', `/groups/${vending?.groupId}/configuration/SoracomFunnel/credentialsId`);
    expect(removed.status, removed.text).toBe(204);
    expect((await call('DELETE', '/credentials/demo-credentials')).status).toBe(204);
    expect((await call('DELETE', '/credentials/demo-credentials')).status).toBe(404);
    expect((await call('GET', '/credentials')).body).toEqual([]);
  });

  it('stamp lastUsedDateTime when a SIM of a group forwarding with the set sends data', async () => {
    const groups = (await call('GET', '/groups')).body as { groupId: string; tags: { name?: string } }[];
    const vending = groups.find((g) => g.tags.name === 'Vending machines')?.groupId ?? '';
    const sim = s.db
      .prepare("SELECT sim_id, imsi FROM sims WHERE operator_id = ? AND status = 'active' LIMIT 1")
      .get(demo.operatorId) as { sim_id: string; imsi: string };
    expect((await call('POST', `/sims/${sim.sim_id}/set_group`, { body: { groupId: vending } })).status).toBe(200);
    s.clock.advance(60_000);
    const inserted = await call('POST', `/sandbox/stats/air/subscribers/${sim.imsi}`, {
      body: {
        unixtime: Math.floor(s.clock.now / 1000),
        dataTrafficStatsMap: { 's1.fast': { uploadByteSizeTotal: 1 } },
      },
    });
    expect(inserted.status, inserted.text).toBe(200);
    const demoSet = (await call('GET', '/credentials')).body.find(
      (c: { credentialsId: string }) => c.credentialsId === 'demo-credentials',
    );
    expect(demoSet.lastUsedDateTime).toBe(Math.floor(s.clock.now / 1000));
  });

  it('answer 400 {code, message} for bad input and past the limits, and 400 COM0010 for a duplicate', async () => {
    const bad: [string, unknown][] = [
      ['ok-id', { type: 'psk' }],
      ['ok-id', { credentials: { key: 'k' } }],
      ['ok-id', { type: 'nope', credentials: { key: 'k' } }],
      ['ok-id', { type: 'psk', credentials: {} }],
      ['ok-id', { type: 'psk', credentials: { key: 'k', extra: 'x' } }],
      ['ok-id', { type: 'psk', credentials: { key: 5 } }],
      ['ok-id', { type: 'psk', credentials: { key: 'k'.repeat(credentialLimits.valueLength + 1) } }],
      ['ok-id', { type: 'psk', credentials: { key: 'k' }, description: 'd'.repeat(1001) }],
      ['ok-id', { type: 'psk', credentials: ['k'] }],
      [encodeURIComponent('has space'), { type: 'psk', credentials: { key: 'k' } }],
      ['x'.repeat(101), { type: 'psk', credentials: { key: 'k' } }],
    ];
    for (const [id, body] of bad) {
      const res = await call('POST', `/credentials/${id}`, { body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body).toEqual({ code: expect.any(String), message: expect.any(String) });
    }
    expect((await call('POST', '/credentials/ok-id', { raw: '{"type":' })).status).toBe(400);
    expect((await call('GET', '/credentials')).body).toHaveLength(1);
    // x509's CA is optional.
    const x509 = setOf('x509');
    delete x509.credentials.ca;
    expect((await call('POST', '/credentials/cert', { body: x509 })).status).toBe(201);
    const again = await call('POST', '/credentials/cert', { body: setOf('psk') });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe(codes.alreadyExists);

    const insert = s.db.prepare(
      `INSERT INTO credentials (operator_id, credentials_id, type, description, public_fields, secret_digest,
         created_at, updated_at) VALUES (?, ?, 'psk', '', '{}', 'x', 0, 0)`,
    );
    for (let i = 0; i < credentialLimits.perOperator - 2; i++) insert.run(demo.operatorId, `filler-${i}`);
    const full = await call('POST', '/credentials/one-more', { body: setOf('psk') });
    expect(full.status).toBe(400);
    expect(full.body.code).toBe(codes.limitExceeded);
  });

  it('are the operator’s own, and refused to a SAM user whose permission does not allow them', async () => {
    expect((await call('POST', '/credentials/mine', { body: setOf('psk') })).status).toBe(201);
    const other = await s.newOperator();
    expect((await call('GET', '/credentials', { auth: other })).body).toEqual([]);
    expect((await call('DELETE', '/credentials/mine', { auth: other })).status).toBe(404);
    expect((await call('PUT', '/credentials/mine', { auth: other, body: setOf('psk') })).status).toBe(404);

    await grant(s, root, demo.userName, { effect: 'allow', api: 'Sim:*' });
    const sam = await samLogin(s);
    for (const [method, path, body] of [
      ['GET', '/credentials', undefined],
      ['POST', '/credentials/sam', setOf('psk')],
      ['PUT', '/credentials/mine', setOf('psk')],
      ['DELETE', '/credentials/mine', undefined],
    ] as const) {
      const res = await call(method, path, { auth: sam, body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    await grant(s, root, demo.userName, { effect: 'allow', api: 'Credential:listCredentials' });
    expect((await call('GET', '/credentials', { auth: sam })).status).toBe(200);
    expect((await call('DELETE', '/credentials/mine', { auth: sam })).status).toBe(403);
  });
});
