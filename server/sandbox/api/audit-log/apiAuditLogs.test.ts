/** The API audit log: who called what, filters and paging, and no secret in it. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { grant, samLogin, selfService } from '../../../test/sam';
import { codes } from '../../errors';
import { auditLog } from '../../guesses';

let s: ContractSandbox;
let root: Credentials;
beforeEach(async () => {
  s = createContractSandbox({ fleet: 3 });
  root = await s.loginRoot();
});

interface Entry {
  operatorId: string;
  userName?: string;
  apiKind: string;
  requestPath: string;
  remoteIpAddress: string;
  requestedTimeEpochMs: number;
  statusCode: number;
}
const logs = async (query = '', auth: Credentials = root) => {
  const res = await s.call('GET', `/audit_logs/api${query}`, { auth });
  expect(res.status, res.text).toBe(200);
  return { entries: res.body as Entry[], next: res.headers.get('x-soracom-next-key') };
};
const userPath = `/operators/${demo.operatorId}/users/${demo.userName}`;
/** The log is written right after the answers (in one transaction per turn of the event loop). */
const written = () => new Promise((resolve) => setImmediate(resolve));

describe('GET /audit_logs/api', () => {
  it('lists each call newest first: who, the kind, the path without its query, the address, time and status', async () => {
    const sim = (await s.call('GET', '/sims?limit=1', { auth: root, ip: '198.51.100.7' })).body[0].simId;
    s.clock.advance(1000);
    const sam = await samLogin(s);
    s.clock.advance(1000);
    const refused = await s.call('POST', `/sims/${sim}/terminate`, { auth: sam, ip: '203.0.113.9' });
    expect(refused.status).toBe(403);

    const { entries } = await logs();
    expect(entries.slice(0, 3)).toEqual([
      {
        operatorId: demo.operatorId,
        userName: demo.userName,
        apiKind: '/v1/sims/{sim_id}/terminate',
        requestPath: `/v1/sims/${sim}/terminate`,
        remoteIpAddress: '203.0.113.9',
        requestedTimeEpochMs: s.clock.now,
        statusCode: 403,
      },
      expect.objectContaining({
        userName: demo.userName,
        apiKind: '/v1/auth',
        requestPath: '/v1/auth',
        statusCode: 200,
      }),
      {
        operatorId: demo.operatorId,
        apiKind: '/v1/sims',
        requestPath: '/v1/sims',
        remoteIpAddress: '198.51.100.7',
        requestedTimeEpochMs: s.clock.now - 2000,
        statusCode: 200,
      },
    ]);
    // The root account's entries have no user name; the log's own call is in it, as the newest.
    expect(entries[2]?.userName).toBeUndefined();
    expect((await logs()).entries[0]?.apiKind).toBe('/v1/audit_logs/api');
  });

  it('keeps calls of other operators and unknown callers out', async () => {
    const other = await s.newOperator();
    await s.call('GET', '/sims', { auth: other });
    await s.call('GET', '/sims');
    await s.call('POST', '/auth', { body: { email: demo.email, password: 'wrong-password' } });
    const { entries } = await logs();
    expect(entries.every((entry) => entry.operatorId === demo.operatorId)).toBe(true);
    expect(entries.filter((entry) => entry.apiKind === '/v1/sims')).toHaveLength(0);
    const theirs = await logs('', other);
    expect(theirs.entries.map((entry) => entry.apiKind)).toContain('/v1/sims');
  });

  it('filters by api_kind and by an inclusive time range', async () => {
    const start = s.clock.now;
    for (let i = 0; i < 3; i++) {
      await s.call('GET', '/groups', { auth: root });
      s.clock.advance(1000);
    }
    await s.call('GET', '/sims', { auth: root });
    const groups = await logs('?api_kind=/v1/groups');
    expect(groups.entries.map((entry) => entry.requestedTimeEpochMs)).toEqual([start + 2000, start + 1000, start]);
    const range = await logs(`?api_kind=/v1/groups&from_epoch_ms=${start + 1000}&to_epoch_ms=${start + 2000}`);
    expect(range.entries).toHaveLength(2);
    expect((await logs(`?from_epoch_ms=${s.clock.now + 1}`)).entries).toEqual([]);
  });

  it('pages with limit and x-soracom-next-key, losing no call of the same millisecond', async () => {
    for (let i = 0; i < 7; i++) await s.call('GET', '/groups', { auth: root });
    s.clock.advance(5);
    const seen: Entry[] = [];
    let query = '?api_kind=/v1/groups&limit=3';
    for (let page = 0; page < 5; page++) {
      const { entries, next } = await logs(query);
      seen.push(...entries);
      if (!next) break;
      expect(entries).toHaveLength(3);
      query = `?api_kind=/v1/groups&limit=3&last_evaluated_key=${encodeURIComponent(next)}`;
    }
    expect(seen).toHaveLength(7);
    // A key a client builds from the last entry's time goes on from the calls before that millisecond.
    const older = await logs(`?api_kind=/v1/groups&last_evaluated_key=${s.clock.now - 5}`);
    expect(older.entries).toEqual([]);
  });

  it('answers 400 for a limit out of 1–1000 and a key it never gave', async () => {
    for (const query of ['?limit=0', '?limit=1001', '?last_evaluated_key=abc', '?from_epoch_ms=-1']) {
      const res = await s.call('GET', `/audit_logs/api${query}`, { auth: root });
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe(codes.badRequest);
    }
  });

  it('is refused to a SAM user without AuditLog permission, and shows everyone’s calls to one with it', async () => {
    const sam = await samLogin(s);
    expect((await s.call('GET', '/audit_logs/api', { auth: sam })).status).toBe(403);
    await grant(s, root, demo.userName, { effect: 'allow', api: 'AuditLog:getApiAuditLogs' });
    const { entries } = await logs('', sam);
    expect(entries.some((entry) => entry.userName === undefined)).toBe(true);
  });

  it('holds no password, token, auth key secret or MFA code that was used', async () => {
    await grant(s, root, demo.userName, selfService);
    const sam = await samLogin(s);
    const key = (await s.call('POST', `${userPath}/auth_keys`, { auth: sam })).body;
    const byKey = await s.call('POST', '/auth', { body: { authKeyId: key.authKeyId, authKey: key.authKey } });
    await s.call('PUT', `${userPath}/password`, {
      auth: sam,
      body: { currentPassword: demo.userPassword, newPassword: 'a-secret-new-password' },
    });
    await s.call('POST', `${userPath}/mfa`, { auth: sam });
    await s.call('POST', `${userPath}/mfa/verify`, { auth: sam, body: { mfaOTPCode: '246810' } });
    await s.call('GET', `/sims?api_key=${sam.apiKey}`, { auth: root });

    await written();
    const stored = JSON.stringify(s.db.prepare('SELECT * FROM api_audit_log').all());
    expect(stored).toContain('/v1/auth');
    for (const secret of [
      demo.password,
      demo.userPassword,
      'a-secret-new-password',
      '246810',
      key.authKey,
      root.apiKey,
      root.token,
      sam.apiKey,
      sam.token,
      byKey.body.apiKey,
      byKey.body.token,
    ]) {
      expect(stored).not.toContain(secret);
    }
  });

  it('keeps at most its rows per operator, dropping the oldest', async () => {
    const { rowsPerOperator, pruneEvery } = auditLog;
    const insert = s.db.prepare(
      `INSERT INTO api_audit_log (operator_id, user_name, api_kind, request_path, remote_ip, requested_at, status)
       VALUES (?, NULL, '/v1/sims', '/v1/sims', '127.0.0.1', ?, 200)`,
    );
    s.db.transaction(() => {
      for (let i = 0; i < rowsPerOperator; i++) insert.run(demo.operatorId, s.clock.now - 1000 + (i % 1000));
    })();
    for (let i = 0; i < pruneEvery; i++) await s.call('GET', '/groups', { auth: root });
    await written();
    // Pruned once in these calls: back to the newest rows kept, plus the calls since (fewer than pruneEvery).
    const count = s.db.prepare('SELECT count(*) AS n FROM api_audit_log WHERE operator_id = ?').get(demo.operatorId);
    expect((count as { n: number }).n).toBeLessThan(rowsPerOperator + pruneEvery);
    const groups = await logs('?api_kind=/v1/groups&limit=1000');
    expect(groups.entries).toHaveLength(pruneEvery);
  });
});
