/**
 * The Sandbox API's usage inserts: `POST /sandbox/stats/air|beam/subscribers/{imsi}` add one timestamp of traffic
 * (guesses.sandboxAirSpeedClasses); the same IMSI and time twice is 400. New Air stats run the event handlers
 * (eventRunner.ts).
 */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound } from '../../errors';
import { runDueActions, runEventHandlersOnTraffic } from '../../eventRunner';
import { sandboxAirSpeedClasses } from '../../guesses';
import { credentialsInUse } from '../../store/credentials';
import type { UsageTarget } from '../../store/usage';
import { beamItems } from '../stats/beam';

type InsertAirStats = components['schemas']['sandboxInsertAirStatsRequest'];
type InsertBeamStats = components['schemas']['sandboxInsertBeamStatsRequest'];

/**
 * What the Sandbox API's stats inserts (Air and Beam) start with: the subscriber of the path's IMSI, and the
 * body's `unixtime` in seconds.
 */
function statsInsertTarget(ctx: Ctx<{ unixtime?: number } | undefined>): UsageTarget {
  const { operatorId } = caller(ctx);
  const imsi = ctx.path.imsi ?? '';
  const sim = ctx.stores.sims.findByImsi(operatorId, imsi);
  if (!sim?.simId) throw notFound('No such subscriber found.');
  const unixtime = ctx.body?.unixtime;
  if (unixtime === undefined || !Number.isSafeInteger(unixtime) || unixtime < 0) {
    throw badRequest("Request body: 'unixtime' (UNIX time in seconds) is required.");
  }
  return { operatorId, imsi, simId: sim.simId, unixtime };
}

/**
 * The SIM sent data: the credential sets its group's forwarding services name were used (guesses.credentials); one
 * that does not exist is an error log entry of that service (guesses.errorLogs).
 */
function markCredentialsUsed(ctx: Ctx<unknown>, target: UsageTarget): void {
  const groupId = ctx.stores.sims.get(target.operatorId, target.simId)?.groupId;
  const group = groupId ? ctx.stores.groups.get(target.operatorId, groupId) : undefined;
  if (!group?.configuration) return;
  for (const service of ['Funnel', 'Funk', 'Beam'] as const) {
    const namespace = `Soracom${service}`;
    for (const credentialsId of credentialsInUse({ [namespace]: group.configuration[namespace] })) {
      if (ctx.stores.credentials.get(target.operatorId, credentialsId)) {
        ctx.stores.credentials.markUsed(target.operatorId, credentialsId, ctx.now);
      } else {
        ctx.stores.errorLogs.add(target.operatorId, {
          time: ctx.now,
          service,
          imsi: target.imsi,
          message: `${service}: the group's configuration names credentials '${credentialsId}', which do not exist.`,
          detail: { groupId, credentialsId },
        });
      }
    }
  }
}

const sandboxInsertAirStats: Handler = (ctx: Ctx<InsertAirStats | undefined>) => {
  const target = statsInsertTarget(ctx);
  const entries = Object.entries(ctx.body?.dataTrafficStatsMap ?? {});
  if (entries.length === 0) throw badRequest("Request body: 'dataTrafficStatsMap' needs at least one speed class.");
  for (const [speedClass, stats] of entries) {
    if (!(sandboxAirSpeedClasses as readonly string[]).includes(speedClass)) {
      throw badRequest(`Request body: '${speedClass}' is not a speed class.`);
    }
    for (const value of Object.values(stats ?? {})) {
      if (!Number.isSafeInteger(value) || (value as number) < 0) {
        throw badRequest(`Request body: the totals of '${speedClass}' must be non-negative integers.`);
      }
    }
  }
  if (!ctx.stores.usage.addAir(target, entries)) {
    throw badRequest('Data with the same timestamp already exists.', codes.statsExist);
  }
  markCredentialsUsed(ctx, target);
  // The event handlers watching the SIM see the new traffic (guesses.eventHandlerRuns).
  runDueActions(ctx);
  runEventHandlersOnTraffic(ctx, target);
  return { status: 200 };
};

const sandboxInsertBeamStats: Handler = (ctx: Ctx<InsertBeamStats | undefined>) => {
  const target = statsInsertTarget(ctx);
  const entries = Object.entries(ctx.body?.beamStatsMap ?? {});
  if (entries.length === 0) throw badRequest("Request body: 'beamStatsMap' needs at least one Beam item.");
  for (const [item, counts] of entries) {
    if (!(beamItems as readonly string[]).includes(item))
      throw badRequest(`Request body: '${item}' is not a Beam item.`);
    const count = counts?.count;
    if (!Number.isSafeInteger(count) || (count as number) < 0) {
      throw badRequest(`Request body: the count of '${item}' must be a non-negative integer.`);
    }
  }
  const counts: [string, number][] = entries.map(([item, counts]) => [item, counts?.count ?? 0]);
  if (!ctx.stores.usage.addBeam(target, counts)) {
    throw badRequest('Data with the same timestamp already exists.', codes.statsExist);
  }
  return { status: 200 };
};

export const sandboxStatsHandlers = { sandboxInsertAirStats, sandboxInsertBeamStats } satisfies Handlers;
