/** `/groups`: the group list, filtered by tag. */
import type { Handler } from './context';
import { caller } from './context';
import { badRequest } from './errors';
import { pageHeaders, pageRequest } from './paging';

export const listGroups: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const { limit, after } = pageRequest(ctx.query);
  const { tag_name: name, tag_value: value, tag_value_match_mode: mode } = ctx.query as Record<string, string>;
  if ((name === undefined) !== (value === undefined)) {
    throw badRequest("Query: 'tag_name' and 'tag_value' go together.");
  }
  const tag =
    name !== undefined
      ? ({ name, value: value ?? '', mode: mode === 'prefix' ? 'prefix' : 'exact' } as const)
      : undefined;
  const page = ctx.stores.groups.page(operatorId, after, limit, tag);
  return { status: 200, body: page.items, headers: pageHeaders('/groups', ctx.query, limit, page.nextKey) };
};
