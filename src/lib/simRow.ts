/**
 * A SIM as the table holds it: flat and small. The whole-fleet mode keeps 100,000 of these rather than the API's
 * nested SIM objects (about a kilobyte of JSON each), and sorts, filters and exports them.
 */
import type { Sim } from '../api/resources/sims';
import { allImsis, primarySubscriber, simName } from './sim';

export interface SimRow {
  simId: string;
  name: string;
  imsis: string[];
  msisdn: string;
  iccid: string;
  serialNumber: string;
  status: string;
  online: boolean | null;
  /** When the session status last changed (ms). */
  lastSeen: number | null;
  /** The IMEI of the device in the session, when known. */
  sessionImei: string;
  /** False when the SIM cannot receive SMS. */
  sms: boolean;
  speedClass: string;
  subscription: string;
  bundles: string[];
  groupId: string;
  tags: Record<string, string>;
  imeiLock: string;
  expiryTime: number | null;
  expiryAction: string;
  terminationEnabled: boolean;
  moduleType: string;
  created: number | null;
  /** Which coverage the SIM is in: set only in the SIM table's view of both coverages. */
  coverage?: 'jp' | 'g';
}

export function toSimRow(sim: Sim): SimRow {
  const subscriber = primarySubscriber(sim);
  return {
    simId: sim.simId ?? '',
    name: simName(sim),
    imsis: allImsis(sim),
    msisdn: subscriber.msisdn ?? '',
    iccid: subscriber.iccid ?? '',
    serialNumber: sim.serialNumber ?? '',
    status: sim.status ?? '',
    online: sim.sessionStatus ? Boolean(sim.sessionStatus.online) : null,
    lastSeen: sim.sessionStatus?.lastUpdatedAt ?? null,
    sessionImei: sim.sessionStatus?.imei ?? '',
    sms: sim.capabilities?.sms !== false,
    speedClass: sim.speedClass ?? '',
    subscription: subscriber.subscription ?? '',
    bundles: subscriber.bundles ?? [],
    groupId: sim.groupId ?? '',
    tags: sim.tags ?? {},
    imeiLock: sim.imeiLock?.imei ?? '',
    expiryTime: sim.expiryTime ?? null,
    expiryAction: sim.expiryAction ?? '',
    terminationEnabled: Boolean(sim.terminationEnabled),
    moduleType: sim.moduleType ?? '',
    created: sim.createdTime ?? null,
  };
}

/**
 * Enough of a SIM, rebuilt from a row, for the actions: they need its ID, status, plan, speed class, tags, group,
 * protection and session.
 */
export function rowToSim(row: SimRow): Sim {
  const imsi = row.imsis[0] ?? '';
  const iccid = row.iccid || row.simId;
  return {
    simId: row.simId,
    status: row.status as Sim['status'],
    speedClass: row.speedClass,
    tags: row.tags,
    groupId: row.groupId || undefined,
    terminationEnabled: row.terminationEnabled,
    moduleType: row.moduleType,
    serialNumber: row.serialNumber,
    expiryTime: row.expiryTime ?? undefined,
    expiryAction: (row.expiryAction || undefined) as Sim['expiryAction'],
    imeiLock: row.imeiLock ? { imei: row.imeiLock } : undefined,
    sessionStatus:
      row.online === null
        ? undefined
        : { online: row.online, lastUpdatedAt: row.lastSeen ?? undefined, imei: row.sessionImei || undefined },
    capabilities: { sms: row.sms },
    activeProfileId: iccid,
    profiles: {
      [iccid]: {
        iccid,
        primaryImsi: imsi,
        subscribers: imsi
          ? { [imsi]: { imsi, msisdn: row.msisdn, subscription: row.subscription, bundles: row.bundles } }
          : {},
      },
    },
  } as Sim;
}

const day = 86_400_000;

/** Offline, and its session last changed more than `days` days before `now`. A SIM never seen counts as dormant. */
export function isDormant(row: SimRow, days: number, now: number): boolean {
  if (row.online === true) return false;
  return row.lastSeen === null || now - row.lastSeen > days * day;
}

const texts = new WeakMap<SimRow, string>();

/** The text a quick filter looks through: the identifiers, name and tag values (worked out once per row). */
export function rowText(row: SimRow): string {
  let text = texts.get(row);
  if (text === undefined) {
    text = [row.name, row.simId, ...row.imsis, row.msisdn, row.iccid, row.serialNumber, ...Object.values(row.tags)]
      .join('\n')
      .toLowerCase();
    texts.set(row, text);
  }
  return text;
}
