/** `GET /query/subscribers/traffic_volume/ranking`: IMSIs by Air traffic in a range (guesses.simsPerStatusValues). */
import type { components } from '../../../../src/api/schema';
import type { Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest } from '../../errors';

type Ranking = components['schemas']['TrafficVolumeRanking'];

const searchSubscriberTrafficVolumeRanking: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const from = Number(ctx.query.from);
  const to = Number(ctx.query.to);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) {
    throw badRequest("Query: 'from' and 'to' must be UNIX times in milliseconds with from <= to.");
  }
  const limit = ctx.query.limit === undefined ? 10 : Number(ctx.query.limit);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 500) {
    throw badRequest("Query: 'limit' must be an integer from 1 to 500.");
  }
  const order = ctx.query.order ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw badRequest("Query: 'order' must be asc or desc.");
  const rows = ctx.stores.summaries.trafficRanking(
    operatorId,
    Math.ceil(from / 1000),
    Math.floor(to / 1000),
    limit,
    order,
  );
  const body: Ranking[] = rows.map((r) => ({ imsi: r.imsi, trafficVolume: r.volume }));
  return { status: 200, body };
};

export const trafficRankingHandlers = { searchSubscriberTrafficVolumeRanking } satisfies Handlers;
