/** Builds SIMs the way SORACOM returns them, from a seeded random source so the demo fleet is the same every time. */
import type { Sim } from './store/sims';

export type Random = () => number;

/** mulberry32: small, fast and good enough for demo data. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Picks by weight: `[['active', 70], ['inactive', 10]]`. */
export function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((n, [, w]) => n + w, 0);
  let r = random() * total;
  for (const [value, weight] of table) {
    r -= weight;
    if (r < 0) return value;
  }
  return (table.at(-1) as readonly [T, number])[0];
}

const digits = (random: Random, n: number): string =>
  Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

/** Subscription → speed classes SORACOM offers for it, and the IMSI prefix of its carrier. */
export const plans = {
  plan01s: { speedClasses: ['s1.minimum', 's1.slow', 's1.standard', 's1.fast', 's1.4xfast'], imsiPrefix: '295050' },
  'plan-D': { speedClasses: ['s1.minimum', 's1.slow', 's1.standard', 's1.fast'], imsiPrefix: '440103' },
  'plan-K': { speedClasses: ['s1.minimum', 's1.slow', 's1.standard', 's1.fast'], imsiPrefix: '440525' },
  'plan-KM1': { speedClasses: ['t1.standard'], imsiPrefix: '440525' },
  planX3: { speedClasses: ['s1.minimum', 's1.slow', 's1.standard', 's1.fast', 's1.4xfast'], imsiPrefix: '295050' },
  'plan-DU': { speedClasses: ['u1.standard', 'u1.slow'], imsiPrefix: '440103' },
} as const;
export type Subscription = keyof typeof plans;

export interface NewSim {
  index: number;
  operatorId: string;
  subscription: Subscription;
  speedClass: string;
  status: NonNullable<Sim['status']>;
  createdTime: number;
  tags: Record<string, string>;
  groupId?: string;
  moduleType?: Sim['moduleType'];
}

/** SIM ID, IMSI, MSISDN and ICCID derived from the SIM's number, so they are unique and stable. */
export function identifiers(index: number, subscription: Subscription, random: Random) {
  const serial = String(index).padStart(9, '0');
  return {
    simId: `89423100${digits(random, 2)}${serial}`,
    imsi: `${plans[subscription].imsiPrefix}${serial}`,
    msisdn: `8120${digits(random, 1)}${String(index).padStart(7, '0')}`,
    iccid: `898130${digits(random, 4)}${serial}`,
  };
}

/** A subscriber's own status only knows its provisioning state; suspension and the like live on the SIM. */
export const subscriberStatus = (status: NewSim['status']) =>
  status === 'ready' || status === 'terminated' ? status : 'active';

export function buildSim(input: NewSim, random: Random): Sim {
  const ids = identifiers(input.index, input.subscription, random);
  return {
    simId: ids.simId,
    operatorId: input.operatorId,
    type: 'uicc',
    status: input.status,
    speedClass: input.speedClass,
    moduleType: input.moduleType ?? 'nano',
    activeProfileId: ids.iccid,
    serialNumber: ids.iccid,
    tags: input.tags,
    groupId: input.groupId,
    terminationEnabled: false,
    capabilities: { data: true, sms: input.subscription !== 'plan-KM1' },
    createdTime: input.createdTime,
    lastModifiedTime: input.createdTime,
    profiles: {
      [ids.iccid]: {
        iccid: ids.iccid,
        otaSupported: false,
        primaryImsi: ids.imsi,
        subscribers: {
          [ids.imsi]: {
            imsi: ids.imsi,
            msisdn: ids.msisdn,
            subscription: input.subscription,
            status: subscriberStatus(input.status),
            bundles: [],
            capabilities: { data: true, sms: input.subscription !== 'plan-KM1' },
          },
        },
      },
    },
  } as Sim;
}
