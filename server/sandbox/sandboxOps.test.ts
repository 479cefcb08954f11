/**
 * The API Sandbox's operations that need no sign-in (`POST /sandbox/init`, `POST /sandbox/operators/token/{email}`):
 * offered to everyone, to this machine only, or to no one, and rate-limited per client address like sign-in.
 */
import { describe, expect, it } from 'vitest';
import { createContractSandbox, testPasswordCost } from '../test/contract';
import type { SandboxOpsMode } from './guesses';
import { createSandbox } from './sandbox';

const base = 'http://sandbox.test/v1';
let unique = 0;
// One database for the file (seeding is slow on purpose: it hashes passwords); each test has its own sandbox on it,
// so its own rate-limit counts. Every account a test makes is new.
const s = createContractSandbox({ fleet: 0 });

function sandboxWith(sandboxOps: SandboxOpsMode, limit = 1000) {
  const sandbox = createSandbox({
    db: s.db,
    sandboxOps,
    rateLimit: { limit, windowSeconds: 60 },
    now: () => s.clock.now,
    passwordCost: testPasswordCost,
  });
  return async (path: string, ip: string, body?: unknown) => {
    const response = await sandbox.handle(
      new Request(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      path,
      ip,
    );
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
}

function newAccount() {
  unique += 1;
  const id = `${process.pid}-${unique}`;
  return {
    email: `ops-${id}@example.com`,
    password: `password-${id}`,
    authKeyId: `keyId-ops-${id}`,
    authKey: `secret-ops-${id}`,
  };
}

const tokenPath = (email: string) => `/sandbox/operators/token/${encodeURIComponent(email)}`;

describe('--sandbox-ops loopback', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])('answers this machine (%s)', async (ip) => {
    const call = sandboxWith('loopback');
    const created = await call('/sandbox/init', ip, newAccount());
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      apiKey: expect.any(String),
      token: expect.any(String),
      operatorId: expect.any(String),
    });
    // No sign-up mail for this address: the operation answers, with its own 400.
    expect((await call(tokenPath('nobody@example.com'), ip)).status).toBe(400);
  });

  it.each(['192.0.2.7', '10.0.0.1', '::ffff:192.0.2.7', '2001:db8::1', 'unknown'])(
    'refuses %s with 403 {code, message}, before reading anything',
    async (ip) => {
      const call = sandboxWith('loopback');
      const account = newAccount();
      const init = await call('/sandbox/init', ip, account);
      expect(init.status).toBe(403);
      expect(init.body).toEqual({
        code: 'AUM0002',
        message: 'This sandbox operation is only offered to this machine.',
      });
      const token = await call(tokenPath(account.email), ip);
      expect(token.status).toBe(403);
      expect(token.body).toEqual({
        code: 'AUM0002',
        message: 'This sandbox operation is only offered to this machine.',
      });
      // Nothing was made: the same account can still be made from this machine.
      expect((await call('/sandbox/init', '127.0.0.1', account)).status).toBe(201);
    },
  );
});

describe('--sandbox-ops off', () => {
  it('answers 404 {code, message} to everyone, this machine included', async () => {
    const call = sandboxWith('off');
    for (const ip of ['127.0.0.1', '192.0.2.7']) {
      const init = await call('/sandbox/init', ip, newAccount());
      expect(init.status).toBe(404);
      expect(init.body).toEqual({ code: 'COM0004', message: 'This sandbox operation is turned off.' });
      const token = await call(tokenPath('someone@example.com'), ip);
      expect(token.status).toBe(404);
      expect(token.body).toEqual({ code: 'COM0004', message: 'This sandbox operation is turned off.' });
    }
  });

  it('leaves sign-in alone', async () => {
    const call = sandboxWith('off');
    const signIn = await call('/auth', '192.0.2.7', { email: 'operator@example.com', password: 'wrong-password' });
    expect(signIn.status).toBe(401);
  });
});

describe('--sandbox-ops open', () => {
  it('answers any address', async () => {
    const call = sandboxWith('open');
    expect((await call('/sandbox/init', '192.0.2.7', newAccount())).status).toBe(201);
  });
});

describe('rate limit', () => {
  it('answers 3 calls a minute from one address to /sandbox/init, then 429 with the rate-limit headers', async () => {
    const call = sandboxWith('open', 3);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await call('/sandbox/init', '192.0.2.7', newAccount()));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 429]);
    expect(answers[0]?.headers.get('x-soracom-ratelimit-limit')).toBe('3');
    expect(answers[2]?.headers.get('x-soracom-ratelimit-remaining')).toBe('0');
    expect(answers[3]?.body).toEqual({ code: 'COM0429', message: expect.stringMatching(/^Too many requests/) });
    expect(Number(answers[3]?.headers.get('x-soracom-ratelimit-seconds-before-refresh'))).toBeGreaterThan(0);
    // Another address has its own count.
    expect((await call('/sandbox/init', '192.0.2.8', newAccount())).status).toBe(201);
  });

  it('limits /sandbox/operators/token/{email} on its own count', async () => {
    const call = sandboxWith('open', 2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(tokenPath('someone@example.com'), '192.0.2.7')).status);
    expect(statuses).toEqual([400, 400, 429]);
    expect((await call('/sandbox/init', '192.0.2.7', newAccount())).status).toBe(201);
  });
});
