/**
 * The fuzz target in process: the sandbox of createSandbox over an in-memory copy of a seeded database, fresh for
 * every operation, so that what one operation's cases change (a deleted group, revoked tokens) cannot decide another's.
 */
import { type CoverageType, ownerIn } from '../sandbox/coverage';
import { type Db, openDb, openDbImage } from '../sandbox/db';
import { createSandbox, type Sandbox } from '../sandbox/sandbox';
import { demo, seedDemo } from '../sandbox/seed';
import { buildSim, plans, seededRandom } from '../sandbox/simFactory';
import type { SpecRouter } from '../sandbox/spec';
import { accountStore } from '../sandbox/store/account';
import { groupStore } from '../sandbox/store/groups';
import { operatorStore } from '../sandbox/store/operators';
import { simStore } from '../sandbox/store/sims';
import { tokenStore } from '../sandbox/store/tokens';
import type { FuzzCase, Known } from './cases';
import type { Answer, Target } from './target';

const start = Date.UTC(2026, 0, 15);

/** Values the demo operator has (its rows of one coverage: `ownerId`, sandbox/coverage.ts), by path parameter. */
export function knownValues(db: Db, operatorId: string, ownerId = operatorId): Known {
  const column = (sql: string) => (db.prepare(sql).pluck().all(ownerId) as unknown[]).map(String);
  const months = column('SELECT year_month FROM bills WHERE operator_id = ? ORDER BY year_month DESC LIMIT 3');
  return {
    operator_id: [operatorId],
    user_name: [demo.userName],
    sim_id: column('SELECT sim_id FROM sims WHERE operator_id = ? ORDER BY sim_id LIMIT 3'),
    imsi: column('SELECT imsi FROM sims WHERE operator_id = ? ORDER BY sim_id LIMIT 3'),
    group_id: column('SELECT group_id FROM groups WHERE operator_id = ? ORDER BY group_id LIMIT 3'),
    yyyyMM: months,
    payment_statement_id: months.map((m) => `PS-${m}`),
    auth_key_id: column('SELECT auth_key_id FROM auth_keys WHERE operator_id = ? LIMIT 3'),
    coupon_code: column('SELECT coupon_code FROM coupons WHERE operator_id = ? LIMIT 3'),
    namespace: ['SoracomAir', 'SoracomHarvest', 'SoracomFunnel', 'SoracomEndorse'],
    name: ['metadata', 'enabled', 'useCustomDns'],
    tag_name: ['name', 'site', 'env'],
    email: [demo.email],
  };
}

/**
 * `coverage: 'g'` sends every case to the Global endpoint (`local-g`) of a demo operator that has Global coverage,
 * with a group and a registered SIM there.
 */
export function inProcessTarget(router: SpecRouter, options: { fleet?: number; coverage?: CoverageType } = {}): Target {
  const coverage = options.coverage ?? 'jp';
  const seeded = openDb(':memory:');
  seedDemo(seeded, { fleet: options.fleet ?? 10, now: start });
  if (coverage === 'g') seedGlobal(seeded);
  const image = seeded.serialize();
  seeded.close();
  let db: Db | undefined;
  let sandbox: Sandbox | undefined;
  let operators: ReturnType<typeof operatorStore> | undefined;
  let now = start;
  const logs: string[] = [];
  function fresh() {
    db?.close();
    db = openDbImage(image);
    operators = operatorStore(db);
    now = start;
    sandbox = createSandbox({
      db,
      router,
      now: () => now,
      log: (line) => logs.push(line),
      rateLimit: { limit: 1_000_000, windowSeconds: 60 },
    });
  }

  return {
    name: coverage === 'g' ? 'in-process-g' : 'in-process',
    async begin() {
      fresh();
      return knownValues(db as Db, demo.operatorId, ownerIn(demo.operatorId, coverage));
    },
    async send(c: FuzzCase): Promise<Answer> {
      if (!db || !sandbox) throw new Error('begin() first');
      // A case that deleted the demo operator (`DELETE /sandbox/operators/{id}`): the next starts from the seed again.
      if (!operators?.get(demo.operatorId)) fresh();
      if (!db || !sandbox) throw new Error('begin() first');
      now += 1000;
      const headers = new Headers(c.headers);
      if (c.caller !== 'none') {
        const minted = tokenStore(db).issue(demo.operatorId, c.caller === 'user' ? demo.userName : null, 3600, now);
        headers.set('x-soracom-api-key', minted.apiKey);
        headers.set('x-soracom-token', minted.token);
      }
      // The Fetch API refuses a body on GET; the server is sent one over HTTP (http.ts).
      const body = c.method === 'GET' ? undefined : c.body;
      const request = new Request(`http://sandbox.test/api/local/v1/fuzz${c.search}`, {
        method: c.method,
        headers,
        body,
      });
      const response = await sandbox.handle(request, c.path, '127.0.0.1', coverage);
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
    async alive() {
      const internal = logs.filter((line) => line.includes('internal error'));
      return internal.length === 0 ? null : `${internal.length} internal errors logged, first: ${internal[0]}`;
    },
    async close() {
      db?.close();
    },
  };
}

/** The demo operator gets Global coverage, one group and one active SIM there. */
function seedGlobal(db: Db) {
  accountStore(db).addCoverage(demo.operatorId, 'g', start);
  const owner = operatorStore(db).partition(demo.operatorId, 'g', start);
  groupStore(db).create(
    { groupId: 'global-group-0001', operatorId: owner, tags: { name: 'global' }, configuration: {} },
    start,
  );
  const index = 2_000_000;
  const sim = buildSim(
    {
      index,
      operatorId: owner,
      subscription: 'plan01s',
      speedClass: plans.plan01s.speedClasses[0],
      status: 'active',
      createdTime: start,
      tags: {},
    },
    seededRandom(index),
  );
  simStore(db).insert(sim);
}
