import type { Sim } from '../api/resources/sims';

/** The primary subscriber of the SIM's active profile: where IMSI, MSISDN and subscription live. */
export function primarySubscriber(sim: Sim) {
  const profile = (sim.activeProfileId && sim.profiles?.[sim.activeProfileId]) || Object.values(sim.profiles ?? {})[0];
  const imsi = profile?.primaryImsi;
  return { iccid: profile?.iccid, ...(imsi ? profile?.subscribers?.[imsi] : undefined), imsi };
}

/** Every IMSI of every profile (a SIM may hold several). */
export function allImsis(sim: Sim): string[] {
  return Object.values(sim.profiles ?? {}).flatMap((p) => Object.keys(p.subscribers ?? {}));
}

export const simName = (sim: Sim): string => sim.tags?.name ?? '';
