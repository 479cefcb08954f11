/** What happened to a SIM: its status history and its session events, newest first and paged. */
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, notFound } from '../../errors';
import { simRecordPaging } from '../../guesses';
import { pageHeaders } from '../../paging';

/** `from`/`to` (ms) and paging of the record lists. */
function recordQuery(ctx: Ctx<never>, defaultLimit: number, maxLimit: number) {
  const q = ctx.query;
  const limit = q.limit === undefined ? defaultLimit : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw badRequest(`Query: 'limit' must be between 1 and ${maxLimit}.`);
  }
  const from = q.from === undefined ? 0 : Number(q.from);
  const to = q.to === undefined ? ctx.now : Number(q.to);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from > to) {
    throw badRequest("Query: 'from' and 'to' must be UNIX times in ms with from <= to.");
  }
  let after: number | null = null;
  if (typeof q.last_evaluated_key === 'string' && q.last_evaluated_key !== '') {
    after = Number(q.last_evaluated_key);
    if (!Number.isSafeInteger(after)) throw badRequest("Query: 'last_evaluated_key' is not a key this list gave.");
  }
  return { from, to, after, limit };
}

function ownSim(ctx: Ctx<never>): string {
  const simId = ctx.path.sim_id ?? '';
  if (!ctx.stores.sims.get(caller(ctx).operatorId, simId)) throw notFound('No such SIM found.');
  return simId;
}

const listSimStatusHistory: Handler = (ctx) => {
  const simId = ownSim(ctx);
  const q = recordQuery(ctx, simRecordPaging.historyDefaultLimit, 100);
  const page = ctx.stores.simRecords.statusHistory.page(caller(ctx).operatorId, simId, {
    ...q,
    newestFirst: ctx.query.sort !== 'asc',
  });
  const path = `/sims/${encodeURIComponent(simId)}/statuses/history`;
  return { status: 200, body: page.items, headers: pageHeaders(path, ctx.query, q.limit, page.nextKey) };
};

const listSimSessionEvents: Handler = (ctx) => {
  const simId = ownSim(ctx);
  const q = recordQuery(ctx, simRecordPaging.eventsDefaultLimit, simRecordPaging.eventsMaxLimit);
  const page = ctx.stores.simRecords.sessionEvents.page(caller(ctx).operatorId, simId, { ...q, newestFirst: true });
  const path = `/sims/${encodeURIComponent(simId)}/events/sessions`;
  return { status: 200, body: page.items, headers: pageHeaders(path, ctx.query, q.limit, page.nextKey) };
};

export const simRecordHandlers = { listSimStatusHistory, listSimSessionEvents } satisfies Handlers;
