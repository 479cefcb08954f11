/**
 * The demo data a fresh sandbox starts with: one operator, a SAM user, a few groups with configuration, a fleet of
 * SIMs with realistic variety and six months of daily Air usage. Deterministic: the same fleet size gives the same data.
 */

import { billingOf } from './api/billing/bills';
import { insertCoupon } from './api/payment/coupons';
import { setPaymentMethod } from './api/payment/payments';
import type { Db } from './db';
import { buildSim, pick, plans, type Random, type Subscription, seededRandom, weighted } from './simFactory';
import { addMonths, yearMonthOf } from './store/billing';
import { groupStore } from './store/groups';
import { operatorStore } from './store/operators';
import { simStore } from './store/sims';
import { userStore } from './store/users';

/** Obviously fake, local-only demo credentials; printed by the server at start. */
export const demo = {
  email: 'demo@example.com',
  password: 'demo-password',
  operatorId: 'OP0000000001',
  userName: 'demo-user',
  userPassword: 'demo-user-password',
} as const;

export const maxFleet = 100_000;
const day = 86_400_000;
/** SIMs whose Air usage is seeded; enough for charts without making a 100,000-SIM seed slow. */
const simsWithUsage = 1_000;

const groupSeeds = [
  {
    name: 'Tokyo sensors',
    configuration: { SoracomAir: { metadata: { enabled: true, readonly: true } }, SoracomHarvest: { enabled: true } },
  },
  { name: 'Osaka gateways', configuration: { SoracomAir: { useCustomDns: true, dnsServers: ['8.8.8.8', '1.1.1.1'] } } },
  {
    name: 'Vending machines',
    configuration: {
      SoracomFunnel: {
        enabled: true,
        destination: {
          provider: 'aws',
          service: 'kinesis',
          resourceUrl: 'https://kinesis.ap-northeast-1.amazonaws.com/demo-stream',
        },
        credentialsId: 'demo-credentials',
        contentType: 'application/json',
        addSimId: true,
      },
    },
  },
  {
    name: 'Fleet trackers',
    configuration: {
      SoracomHarvest: { enabled: true },
      UnifiedEndpoint: { enabled: true, response: { format: 'SoracomHarvest' } },
    },
  },
  { name: 'Staging', configuration: {} },
] as const;

const sites = ['tokyo', 'osaka', 'nagoya', 'fukuoka', 'sapporo', 'sendai'];
const devices = ['sensor', 'gateway', 'tracker', 'meter', 'camera', 'vending'];

export function seedDemo(db: Db, options: { fleet: number; now: number }): void {
  const fleet = Math.max(0, Math.min(maxFleet, Math.floor(options.fleet)));
  const random = seededRandom(20260101 + fleet);
  const now = options.now;
  const operators = operatorStore(db);
  const users = userStore(db);
  const groups = groupStore(db);
  const sims = simStore(db);

  db.transaction(() => {
    const created = now - 400 * day;
    operators.create({
      operatorId: demo.operatorId,
      email: demo.email,
      password: demo.password,
      verified: true,
      now: created,
    });
    users.create(demo.operatorId, demo.userName, 'Demo SAM user', created);
    users.setPassword(demo.operatorId, demo.userName, demo.userPassword, created);

    const groupIds = groupSeeds.map((g, i) => {
      const groupId = `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
      groups.create(
        { groupId, operatorId: demo.operatorId, tags: { name: g.name }, configuration: g.configuration },
        created + i * day,
      );
      return groupId;
    });

    for (let i = 1; i <= fleet; i++) {
      sims.insert(demoSim(i, random, groupIds, now));
    }
    seedUsage(db, random, now);
    seedBilling(db, now);
    db.prepare("INSERT INTO meta (key, value) VALUES ('seeded', ?)").run(JSON.stringify({ fleet, at: now }));
  })();
}

function demoSim(index: number, random: Random, groupIds: string[], now: number) {
  const subscription = weighted<Subscription>(random, [
    ['plan01s', 40],
    ['plan-D', 20],
    ['plan-K', 10],
    ['plan-KM1', 15],
    ['planX3', 10],
    ['plan-DU', 5],
  ]);
  const status = weighted(random, [
    ['active', 70],
    ['inactive', 8],
    ['ready', 5],
    ['standby', 5],
    ['suspended', 7],
    ['terminated', 5],
  ] as const);
  const createdTime = now - Math.floor(random() * 700 + 30) * day;
  const device = pick(random, devices);
  const site = pick(random, sites);
  const tags: Record<string, string> = { name: `${device}-${site}-${String(index).padStart(5, '0')}` };
  if (random() < 0.6) tags.site = site;
  if (random() < 0.4) tags.env = random() < 0.8 ? 'production' : 'staging';
  const groupId = random() < 0.75 ? pick(random, groupIds) : undefined;
  const sim = buildSim(
    {
      index,
      operatorId: demo.operatorId,
      subscription,
      speedClass: pick(random, plans[subscription].speedClasses),
      status,
      createdTime,
      tags,
      groupId,
      moduleType: weighted(random, [
        ['nano', 60],
        ['micro', 15],
        ['embedded', 20],
        ['virtual', 5],
      ] as const),
    },
    random,
  );
  const imei = `35${String(Math.floor(random() * 1e13)).padStart(13, '0')}`;
  const online = status === 'active' && random() < 0.65;
  const lastSeen = online ? now - Math.floor(random() * 3_600_000) : now - Math.floor(random() * 120) * day;
  const imsi = Object.values(sim.profiles ?? {})[0]?.primaryImsi;
  if (status !== 'ready') {
    sim.sessionStatus = online
      ? {
          online: true,
          lastUpdatedAt: lastSeen,
          imei,
          imsi,
          subscription,
          ueIpAddress: `10.${index >> 16}.${(index >> 8) & 255}.${index & 255}`,
          dnsServers: ['100.127.0.53', '100.127.1.53'],
          cell: { radioType: 'LTE', mcc: 440, mnc: 10, tac: 4660, eci: 1234567 },
        }
      : { online: false, lastUpdatedAt: lastSeen, imsi, subscription };
  }
  if (random() < 0.1) sim.imeiLock = { imei };
  if (random() < 0.03) {
    sim.expiryTime = now + Math.floor(random() * 60 + 1) * day;
    sim.expiryAction = pick(random, ['doNothing', 'deleteSession', 'deactivate', 'suspend'] as const);
  }
  if (random() < 0.05 && status !== 'terminated') sim.terminationEnabled = true;
  return sim;
}

/** Daily Air usage for the first SIMs that were ever in service, over the last six months. */
function seedUsage(db: Db, random: Random, now: number): void {
  const rows = db
    .prepare<[number], { sim_id: string; imsi: string; operator_id: string }>(
      "SELECT sim_id, imsi, operator_id FROM sims WHERE status NOT IN ('ready') ORDER BY sim_id LIMIT ?",
    )
    .all(simsWithUsage);
  const insert = db.prepare(
    `INSERT INTO air_stats (operator_id, sim_id, imsi, unixtime, upload_bytes, download_bytes, upload_packets, download_packets)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const today = Math.floor(now / day) * day;
  for (const row of rows) {
    const scale = 10 ** (3 + random() * 3);
    for (let d = 183; d >= 1; d--) {
      if (random() < 0.15) continue;
      const up = Math.floor(scale * (0.5 + random()));
      const down = Math.floor(scale * (1 + 2 * random()));
      insert.run(
        row.operator_id,
        row.sim_id,
        row.imsi,
        (today - d * day) / 1000,
        up,
        down,
        Math.ceil(up / 500),
        Math.ceil(down / 500),
      );
    }
  }
}

export function isSeeded(db: Db): boolean {
  return Boolean(db.prepare("SELECT 1 FROM meta WHERE key = 'seeded'").get());
}

/** Coupon codes of the demo: one to register from the console, one the operator registered before. */
export const demoCoupons = { unregistered: 'DEMO-COUPON-0001', registered: 'DEMO-WELCOME-0001' } as const;

/**
 * What the billing and usage dashboards need: a fake card, an unregistered coupon code, a coupon the operator
 * registered 75 days ago (so recent closed months show it applied), a little Beam traffic, and the past months
 * closed (guesses.billClosing) so the first billing call of a large fleet does not have to close them.
 */
function seedBilling(db: Db, now: number): void {
  const random = seededRandom(20260601);
  const current = yearMonthOf(now);
  setPaymentMethod(
    db,
    demo.operatorId,
    { brand: 'DEMO', last4: '0000', expiryMonth: 12, expiryYear: 2099, holderName: 'DEMO CARD (NOT REAL)' },
    now - 300 * day,
  );
  insertCoupon(db, {
    code: demoCoupons.unregistered,
    amount: 1000,
    billItemName: 'dailyDataTrafficChargeTotal',
    expiryYearMonth: addMonths(current, 12),
    now,
  });
  insertCoupon(db, {
    code: demoCoupons.registered,
    amount: 20_000,
    expiryYearMonth: addMonths(current, 6),
    now: now - 80 * day,
  });
  db.prepare('UPDATE coupons SET operator_id = ?, registered_at = ? WHERE coupon_code = ?').run(
    demo.operatorId,
    now - 75 * day,
    demoCoupons.registered,
  );
  const rows = db
    .prepare<[string], { sim_id: string; imsi: string }>(
      "SELECT sim_id, imsi FROM sims WHERE operator_id = ? AND status = 'active' ORDER BY sim_id LIMIT 20",
    )
    .all(demo.operatorId);
  const insert = db.prepare(
    'INSERT INTO beam_stats (operator_id, sim_id, imsi, unixtime, item, count) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const today = Math.floor(now / day) * day;
  for (const row of rows) {
    const scale = Math.floor(10 ** (3 + random() * 3));
    for (let d = 90; d >= 1; d--) {
      const at = (today - d * day) / 1000;
      insert.run(demo.operatorId, row.sim_id, row.imsi, at, 'inHttp', Math.floor(scale * (0.5 + random())));
      if (random() < 0.5) {
        insert.run(demo.operatorId, row.sim_id, row.imsi, at, 'outHttps', Math.floor(scale * 0.2 * random()));
      }
    }
  }
  billingOf(db).closePastMonths(demo.operatorId, now);
}
