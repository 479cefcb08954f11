/**
 * The demo data a fresh sandbox starts with: one operator, its SAM users and roles (seedTeam.ts), a few groups with
 * configuration, a fleet of SIMs with realistic variety and six months of daily Air usage. Deterministic: the same fleet size gives the same data.
 */

import { createStores, type Stores } from './context';
import type { Db } from './db';
import { seedTeam } from './seedTeam';
import { buildSim, pick, plans, type Random, type Subscription, seededRandom, weighted } from './simFactory';
import { addMonths, yearMonthOf } from './store/billing';
import type { ScryptCost } from './store/secrets';
import { seedStore } from './store/seed';

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

export function seedDemo(db: Db, options: { fleet: number; now: number; passwordCost?: ScryptCost }): void {
  const fleet = Math.max(0, Math.min(maxFleet, Math.floor(options.fleet)));
  const random = seededRandom(20260101 + fleet);
  const now = options.now;
  const stores = createStores(db, { passwordCost: options.passwordCost });
  const { operators, users, groups, sims } = stores;
  const seed = seedStore(db);

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
    seedTeam(stores, demo.operatorId, created);

    const groupIds = groupSeeds.map((g, i) => {
      const groupId = `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
      groups.create(
        { groupId, operatorId: demo.operatorId, tags: { name: g.name }, configuration: g.configuration },
        created + i * day,
      );
      return groupId;
    });
    // The set the Funnel configuration above names; obviously fake values.
    stores.credentials.create(
      {
        operatorId: demo.operatorId,
        credentialsId: 'demo-credentials',
        type: 'aws-credentials',
        description: 'Demo AWS credentials (not real)',
        publicFields: { accessKeyId: 'AKIADEMONOTREAL0000' },
        secretFields: { secretAccessKey: 'demo-not-a-real-secret' },
      },
      created,
    );

    for (let i = 1; i <= fleet; i++) {
      sims.insert(demoSim(i, random, groupIds, now));
    }
    seedUsage(seed, random, now);
    seedBilling(stores, seed, now);
    seed.markSeeded({ fleet, at: now });
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
function seedUsage(seed: ReturnType<typeof seedStore>, random: Random, now: number): void {
  const rows = seed.simsInService(simsWithUsage);
  const today = Math.floor(now / day) * day;
  for (const row of rows) {
    const scale = 10 ** (3 + random() * 3);
    for (let d = 183; d >= 1; d--) {
      if (random() < 0.15) continue;
      const up = Math.floor(scale * (0.5 + random()));
      const down = Math.floor(scale * (1 + 2 * random()));
      seed.addAir({
        operatorId: row.operator_id,
        simId: row.sim_id,
        imsi: row.imsi,
        unixtime: (today - d * day) / 1000,
        up,
        down,
      });
    }
  }
}

export const isSeeded = (db: Db): boolean => seedStore(db).isSeeded();

/** Coupon codes of the demo: one to register from the console, one the operator registered before. */
export const demoCoupons = { unregistered: 'DEMO-COUPON-0001', registered: 'DEMO-WELCOME-0001' } as const;

/**
 * What the billing and usage dashboards need: a fake card, an unregistered coupon code, a coupon the operator
 * registered 75 days ago (so recent closed months show it applied), a little Beam traffic, and the past months
 * closed (guesses.billClosing) so the first billing call of a large fleet does not have to close them.
 */
function seedBilling(stores: Stores, seed: ReturnType<typeof seedStore>, now: number): void {
  const random = seededRandom(20260601);
  const current = yearMonthOf(now);
  stores.payments.setMethod(
    demo.operatorId,
    { brand: 'DEMO', last4: '0000', expiryMonth: 12, expiryYear: 2099, holderName: 'DEMO CARD (NOT REAL)' },
    now - 300 * day,
  );
  stores.coupons.insert({
    code: demoCoupons.unregistered,
    amount: 1000,
    billItemName: 'dailyDataTrafficChargeTotal',
    expiryYearMonth: addMonths(current, 12),
    now,
  });
  stores.coupons.insert({
    code: demoCoupons.registered,
    amount: 20_000,
    expiryYearMonth: addMonths(current, 6),
    now: now - 80 * day,
  });
  stores.coupons.register(demoCoupons.registered, demo.operatorId, now - 75 * day);
  const rows = seed.activeSims(demo.operatorId, 20);
  const today = Math.floor(now / day) * day;
  for (const row of rows) {
    const scale = Math.floor(10 ** (3 + random() * 3));
    for (let d = 90; d >= 1; d--) {
      const at = (today - d * day) / 1000;
      seed.addBeam(demo.operatorId, row.sim_id, row.imsi, at, 'inHttp', Math.floor(scale * (0.5 + random())));
      if (random() < 0.5) {
        seed.addBeam(demo.operatorId, row.sim_id, row.imsi, at, 'outHttps', Math.floor(scale * 0.2 * random()));
      }
    }
  }
  stores.billing.closePastMonths(demo.operatorId, now);
}
