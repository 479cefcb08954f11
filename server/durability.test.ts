/**
 * Durability: what the server acknowledged is on disk. A server process acknowledges a few hundred writes, is killed
 * with SIGKILL while more are in flight, and started again on the same database file: every write it answered with
 * success before it died is there, and the session it issued still works.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { demo } from './sandbox/seed';
import { type ServerProcess, startServer } from './test/serverProcess';

const folder = mkdtempSync(join(tmpdir(), 'durability-'));
const dbFile = join(folder, 'sandbox.db');
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

interface Auth {
  apiKey: string;
  token: string;
}
const headers = (auth: Auth) => ({
  'content-type': 'application/json',
  'x-soracom-api-key': auth.apiKey,
  'x-soracom-token': auth.token,
});

/** Creates a group named `name`; answers its ID once the server acknowledged it (201), or null. */
async function createGroup(port: number, auth: Auth, name: string): Promise<string | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/local/v1/groups`, {
      method: 'POST',
      headers: headers(auth),
      body: JSON.stringify({ tags: { name } }),
    });
    if (response.status !== 201) return null;
    return ((await response.json()) as { groupId: string }).groupId;
  } catch {
    return null; // The process died before it answered: not acknowledged.
  }
}

/** Every group of the operator, page by page: name by group ID. */
async function allGroups(port: number, auth: Auth): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let next: string | null = null;
  do {
    const query: string = next ? `?limit=100&last_evaluated_key=${encodeURIComponent(next)}` : '?limit=100';
    const response = await fetch(`http://127.0.0.1:${port}/api/local/v1/groups${query}`, { headers: headers(auth) });
    expect(response.status).toBe(200);
    for (const group of (await response.json()) as { groupId: string; tags: { name?: string } }[]) {
      found.set(group.groupId, group.tags.name ?? '');
    }
    next = response.headers.get('x-soracom-next-key');
  } while (next);
  return found;
}

it('keeps every acknowledged write when the process is killed with SIGKILL in the middle of more', async () => {
  server = await startServer({ db: dbFile, fleet: 3 });
  const signIn = await fetch(`http://127.0.0.1:${server.port}/api/local/v1/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demo.email, password: demo.password }),
  });
  expect(signIn.status).toBe(200);
  const auth = (await signIn.json()) as Auth;
  const acknowledged = new Map<string, string>();
  const port = server.port;

  // 300 acknowledged writes, eight at a time.
  for (let batch = 0; batch < 300 / 8; batch++) {
    const names = Array.from({ length: 8 }, (_, i) => `before-${batch * 8 + i}`);
    const ids = await Promise.all(names.map((name) => createGroup(port, auth, name)));
    ids.forEach((id, i) => {
      expect(id, names[i]).not.toBeNull();
      acknowledged.set(id as string, names[i] as string);
    });
  }
  expect(acknowledged.size).toBeGreaterThanOrEqual(296);

  // More writes, as fast as the server takes them, and the kill lands among them.
  let stop = false;
  const writers = Array.from({ length: 8 }, async (_, writer) => {
    for (let i = 0; !stop; i++) {
      const name = `during-${writer}-${i}`;
      const id = await createGroup(port, auth, name);
      if (id === null) break;
      acknowledged.set(id, name);
    }
  });
  await new Promise((resume) => setTimeout(resume, 300));
  const answeredBeforeKill = acknowledged.size;
  await server.stop('SIGKILL');
  stop = true;
  await Promise.all(writers);
  expect(server.child.signalCode).toBe('SIGKILL');
  // Some of the writes in flight were acknowledged before the kill: the kill did come in the middle of them.
  expect(answeredBeforeKill).toBeGreaterThan(300);

  server = await startServer({ db: dbFile, fleet: 3 });
  const groups = await allGroups(server.port, auth);
  const missing = [...acknowledged].filter(([id, name]) => groups.get(id) !== name);
  expect(missing, 'acknowledged groups missing or changed after the restart').toEqual([]);
}, 120_000);
