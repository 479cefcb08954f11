/** `/sims`: the SIM list, a single SIM and its tags. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller, JsonText } from '../../context';
import { badRequest, codes, notFound, SoracomError } from '../../errors';
import { setGroupUnknownGroupStatus } from '../../guesses';
import { pageHeaders, pageRequest } from '../../paging';
import type { Sim } from '../../store/sims';

type TagUpdate = components['schemas']['TagUpdateRequest'];

const listSims: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const { limit, after } = pageRequest(ctx.query);
  const page = ctx.stores.sims.pageJson(operatorId, after, limit);
  return {
    status: 200,
    body: JsonText.array(page.docs),
    headers: pageHeaders('/sims', ctx.query, limit, page.nextKey),
  };
};

const getSim: Handler = (ctx) => {
  const sim = ctx.stores.sims.getJson(caller(ctx).operatorId, ctx.path.sim_id ?? '');
  if (sim === undefined) throw notFound('No such SIM found.');
  return { status: 200, body: new JsonText(sim) };
};

const putSimTags: Handler = (ctx: Ctx<TagUpdate[]>) => {
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

type SetGroup = components['schemas']['SetGroupRequest'];

/**
 * Puts the caller's SIM into the caller's group `groupId`, or out of its group (null), in one transaction: 404 for
 * an unknown SIM, then 400 for a group that is not the caller's (guesses.setGroupUnknownGroupStatus).
 */
export function moveSim(ctx: Ctx<unknown>, simId: string, groupId: string | null): Sim {
  const { operatorId } = caller(ctx);
  return ctx.transaction(() => {
    if (!ctx.stores.sims.get(operatorId, simId)) throw notFound('No such SIM found.');
    if (groupId !== null && !ctx.stores.groups.get(operatorId, groupId)) {
      throw new SoracomError(
        setGroupUnknownGroupStatus,
        codes.badRequest,
        `Request body: there is no group '${groupId}'.`,
      );
    }
    return ctx.stores.sims.setGroup(operatorId, simId, groupId, ctx.now) as Sim;
  });
}

/** The `groupId` of a set_group body; 400 when it is missing or empty. */
export function requestedGroupId(body: SetGroup): string {
  if (typeof body.groupId !== 'string' || body.groupId === '') {
    throw badRequest("Request body: 'groupId' is required.");
  }
  return body.groupId;
}

const setSimGroup: Handler = (ctx: Ctx<SetGroup>) => ({
  status: 200,
  body: moveSim(ctx, ctx.path.sim_id ?? '', requestedGroupId(ctx.body)),
});

const unsetSimGroup: Handler = (ctx) => ({ status: 200, body: moveSim(ctx, ctx.path.sim_id ?? '', null) });

export const simHandlers = { listSims, getSim, putSimTags, setSimGroup, unsetSimGroup } satisfies Handlers;
