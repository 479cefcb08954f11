/** `GET /logs`: the operator's error logs, newest first, by service, resource and time (guesses.errorLogs). */
import type { Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest } from '../../errors';
import { pageHeaders, pageRequest } from '../../paging';

const getLogs: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const { limit, after } = pageRequest(ctx.query);
  const time = (name: 'from' | 'to') => {
    const value = ctx.query[name];
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0) throw badRequest(`Query: '${name}' must be a UNIX time in milliseconds.`);
    return n;
  };
  const from = time('from');
  const to = time('to');
  if (from !== undefined && to !== undefined && from > to) throw badRequest("Query: 'from' must not be after 'to'.");
  const resourceId = ctx.query.resource_id as string | undefined;
  if (resourceId !== undefined && resourceId.length > 100) {
    throw badRequest("Query: 'resource_id' is at most 100 characters.");
  }
  const { entries, nextKey } = ctx.stores.errorLogs.page(
    operatorId,
    {
      service: ctx.query.service as string | undefined,
      resourceType: ctx.query.resource_type as string | undefined,
      resourceId,
      from,
      to,
    },
    after,
    limit,
  );
  return { status: 200, body: entries, headers: pageHeaders('/logs', ctx.query, limit, nextKey) };
};

export const logHandlers = { getLogs } satisfies Handlers;
