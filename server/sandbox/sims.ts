/** `/sims`: the SIM list and a single SIM. */
import type { Handler } from './context';
import { caller } from './context';
import { notFound } from './errors';
import { pageHeaders, pageRequest } from './paging';

export const listSims: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const { limit, after } = pageRequest(ctx.query);
  const page = ctx.stores.sims.page(operatorId, after, limit);
  return { status: 200, body: page.items, headers: pageHeaders('/sims', ctx.query, limit, page.nextKey) };
};

export const getSim: Handler = (ctx) => {
  const sim = ctx.stores.sims.get(caller(ctx).operatorId, ctx.path.sim_id ?? '');
  if (!sim) throw notFound('No such SIM found.');
  return { status: 200, body: sim };
};
