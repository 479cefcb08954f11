/** `/sims`: the SIM list, a single SIM and its tags. */
import type { components } from '../../src/api/schema';
import type { Ctx, Handler } from './context';
import { caller } from './context';
import { badRequest, notFound } from './errors';
import { pageHeaders, pageRequest } from './paging';

type TagUpdate = components['schemas']['TagUpdateRequest'];

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

export const putSimTags: Handler = (ctx: Ctx<TagUpdate[]>) => {
  const { operatorId } = caller(ctx);
  const tags: Record<string, string> = {};
  for (const [i, tag] of ctx.body.entries()) {
    if (tag.tagName === '') throw badRequest(`Request body: '${i}.tagName' must not be empty.`);
    tags[tag.tagName] = tag.tagValue;
  }
  const sim = ctx.stores.sims.putTags(operatorId, ctx.path.sim_id ?? '', tags, ctx.now);
  if (!sim) throw notFound('No such SIM found.');
  return { status: 200, body: sim };
};
