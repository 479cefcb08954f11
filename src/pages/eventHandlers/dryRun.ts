/** A dry run: the handler replayed over the stored Air stats of a past period, with the sandbox's own evaluator. */
import { locallyEvaluatedRules, type ReplayFiring, replayTraffic, startOfMonth } from '../../../common/eventRules';
import { dryRunTraffic, type EventHandler } from '../../api/resources/eventHandlers';

/** Rules a replay of traffic can tell. */
export const replayableRules: readonly string[] = locallyEvaluatedRules.filter(
  (type) => type.endsWith('TrafficRule') || type === 'SubscriberFirstTrafficRule',
);

export async function runDryRun(handler: EventHandler, from: number, to: number): Promise<ReplayFiring[]> {
  const points = await dryRunTraffic(
    {
      ...(handler.targetSimId ? { simId: handler.targetSimId } : {}),
      ...(handler.targetImsi ? { imsi: handler.targetImsi } : {}),
      ...(handler.targetGroupId ? { groupId: handler.targetGroupId } : {}),
    },
    from,
    to,
    startOfMonth(from),
  );
  // The dry run asks what the handler would do, so it is tried as if on, whatever its status now.
  return replayTraffic({ ...handler, status: 'active' } as Parameters<typeof replayTraffic>[0], points, { from, to });
}
