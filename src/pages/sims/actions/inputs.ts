/** Pure checks and helpers for the inputs SIM actions take (SMS length, IMEI, expiry, tags, speed classes). */
import type { Sim } from '../../../api/resources/sims';
import type { components } from '../../../api/schema';
import type { MessageKey } from '../../../app/i18n';
import { primarySubscriber } from '../../../lib/sim';

/** SMS encodings of `SmsForwardingRequest.encodingType`: 1 is GSM 7-bit, 2 (the default) UCS-2. */
export type SmsEncoding = 1 | 2;
export const smsLimits: Record<SmsEncoding, number> = { 1: 160, 2: 70 };

// The GSM 03.38 default alphabet, and the extension table whose characters take an escape septet too.
const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const gsmExtension = '\f^{}\\[~]|€';

export interface SmsLength {
  /** Septets (GSM 7-bit) or UTF-16 code units (UCS-2). */
  count: number;
  limit: number;
  /** Characters GSM 7-bit cannot carry (empty for UCS-2). */
  unsupported: string[];
}

export function smsLength(payload: string, encoding: SmsEncoding): SmsLength {
  if (encoding === 2) return { count: payload.length, limit: smsLimits[2], unsupported: [] };
  let count = 0;
  const unsupported = new Set<string>();
  for (const ch of payload) {
    if (gsmBasic.includes(ch)) count += 1;
    else if (gsmExtension.includes(ch)) count += 2;
    else unsupported.add(ch);
  }
  return { count, limit: smsLimits[1], unsupported: [...unsupported] };
}

/** 15 digits, optionally `|ANONYMOUS` (the description's form for a lock that also admits no IMEI). */
export const imeiPattern = /^\d{15}(\|ANONYMOUS)?$/;

/** A `datetime-local` value ("2026-11-22T09:30") read in the browser's time zone; NaN when not a time. */
export function parseLocalDateTime(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return Number.NaN;
  return new Date(value).getTime();
}

/** The `datetime-local` value of `ms` in the browser's time zone. */
export function toLocalDateTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export type ExpiryAction = NonNullable<components['schemas']['ExpiryTime']['expiryAction']>;
/** The actions a SIM can take at expiry, as the description lists them (its "(null value)" means none). */
export const expiryActions = [
  'doNothing',
  'deleteSession',
  'deactivate',
  'suspend',
  'terminate',
] as const satisfies readonly ExpiryAction[];

export interface TagRow {
  name: string;
  value: string;
}

/** Per row: a message key for the name, when it is missing or repeated. */
export function tagRowErrors(rows: TagRow[]): (MessageKey | null)[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const name = row.name.trim();
    if (name === '') return 'simActions.validation.tagNameRequired';
    if (seen.has(name)) return 'simActions.validation.tagNameRepeated';
    seen.add(name);
    return null;
  });
}

export type SpeedClass = components['schemas']['UpdateSpeedClassRequest']['speedClass'];
/** Every speed class the request accepts, slowest first. */
export const allSpeedClasses: readonly SpeedClass[] = [
  's1.minimum',
  's1.slow',
  's1.standard',
  's1.fast',
  's1.4xfast',
  's1.8xfast',
  'u1.standard',
  'u1.slow',
];

/**
 * The speed classes each subscription offers (as the local sandbox models them, after SORACOM's plan pages). A
 * subscription not listed here is offered every class of the request; SORACOM has the last word either way.
 */
const speedClassesByPlan: Record<string, readonly string[]> = {
  plan01s: ['s1.minimum', 's1.slow', 's1.standard', 's1.fast', 's1.4xfast'],
  planX3: ['s1.minimum', 's1.slow', 's1.standard', 's1.fast', 's1.4xfast'],
  'plan-D': ['s1.minimum', 's1.slow', 's1.standard', 's1.fast'],
  'plan-K': ['s1.minimum', 's1.slow', 's1.standard', 's1.fast'],
  'plan-KM1': ['t1.standard'],
  'plan-DU': ['u1.standard', 'u1.slow'],
};

/** The speed classes every one of `sims` can take: those its subscription offers, for all of them. */
export function speedClassesFor(sims: readonly Sim[]): string[] {
  let offered: readonly string[] = allSpeedClasses;
  let known = false;
  for (const sim of sims) {
    const plan = speedClassesByPlan[primarySubscriber(sim).subscription ?? ''];
    if (!plan) continue;
    offered = known ? offered.filter((c) => plan.includes(c)) : plan;
    known = true;
  }
  return [...offered];
}

/** What each action with an input takes, as its fields edit it. */
export interface SpeedClassInput {
  speedClass: string;
}
export interface GroupInput {
  groupId: string;
}
export interface RenameInput {
  name: string;
}
export interface TagsInput {
  tags: TagRow[];
}
export interface DeleteTagInput {
  tagName: string;
}
export interface ImeiInput {
  imei: string;
}
export interface ExpiryInput {
  /** A `datetime-local` value, in the browser's time zone. */
  expiryTime: string;
  expiryAction: (typeof expiryActions)[number];
}
export interface SmsInput {
  payload: string;
  encodingType: SmsEncoding;
}
