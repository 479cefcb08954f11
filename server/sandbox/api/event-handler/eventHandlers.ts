/** Event handlers: stored and validated (guesses.eventHandlerLimits); eventRunner.ts runs them on Air stats. */
import { randomUUID } from 'node:crypto';
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound } from '../../errors';
import { watches } from '../../eventRunner';
import { eventHandlerActions, eventHandlerLimits, eventHandlerRules } from '../../guesses';
import type { EventHandler } from '../../store/eventHandlers';

type Request = components['schemas']['CreateEventHandlerRequest'];

const digits = /^\d{1,12}$/;
const isUrl = (text: string) => {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

function checkText(value: unknown, what: string, max: number = eventHandlerLimits.textLength): void {
  if (typeof value !== 'string' || value.length > max) {
    throw badRequest(`Request body: '${what}' must be text of at most ${max} characters.`);
  }
}

/** Properties of a rule or an action: only the allowed ones, the required ones there, figures as the guesses say. */
function checkProperties(
  properties: Record<string, unknown> | undefined,
  spec: { allowed: readonly string[]; required: readonly string[] },
  timing: string,
  where: string,
): Record<string, unknown> {
  const given = properties ?? {};
  for (const key of Object.keys(given)) {
    if (!spec.allowed.includes(key) && key !== timing) {
      throw badRequest(`Request body: ${where} has no property '${key.slice(0, 100)}'.`);
    }
  }
  for (const key of [timing, ...spec.required]) {
    if (given[key] === undefined || given[key] === '') throw badRequest(`Request body: ${where} needs '${key}'.`);
  }
  for (const [key, value] of Object.entries(given)) {
    if (key === 'headers') {
      const headers = Object.entries((value ?? {}) as Record<string, unknown>);
      if (headers.length > eventHandlerLimits.headers)
        throw badRequest(`Request body: at most 20 headers in ${where}.`);
      for (const [name, text] of headers) checkText(text, `headers.${name.slice(0, 100)}`, 1_000);
      continue;
    }
    checkText(value, key);
    const text = value as string;
    if (key === 'limitTotalTrafficMegaByte' || key === 'limitTotalAmount') {
      if (!digits.test(text) || Number(text) < 1)
        throw badRequest(`Request body: '${key}' must be a whole number from 1.`);
    } else if (key.startsWith('inactiveTimeoutOffsetMinute') || key === 'executionOffsetMinutes') {
      if (!digits.test(text) || Number(text) > eventHandlerLimits.maxOffsetMinutes) {
        throw badRequest(`Request body: '${key}' must be a whole number of minutes from 0 to 525600.`);
      }
    } else if (key === 'runOnceAmongTarget' && text !== 'true' && text !== 'false') {
      throw badRequest("Request body: 'runOnceAmongTarget' must be true or false.");
    } else if (key === 'url' && !isUrl(text)) {
      throw badRequest("Request body: 'url' must be an http or https URL.");
    }
  }
  return given;
}

/** The handler a request describes, checked; 400 for anything out of place. */
function checkHandler(
  ctx: Ctx<unknown>,
  operatorId: string,
  body: Request | undefined,
  handlerId: string,
): EventHandler {
  if (!body) throw badRequest('Request body is required.');
  checkText(body.name, 'name', eventHandlerLimits.nameLength);
  if (!body.name.trim()) throw badRequest("Request body: 'name' is required.");
  if (body.description !== undefined) checkText(body.description, 'description', eventHandlerLimits.descriptionLength);

  const targets = (['targetOperatorId', 'targetGroupId', 'targetSimId', 'targetImsi'] as const).filter(
    (key) => body[key] !== undefined,
  );
  if (targets.length !== 1) {
    throw badRequest('Request body: give exactly one of targetOperatorId, targetGroupId, targetSimId, targetImsi.');
  }
  const target = targets[0] as (typeof targets)[number];
  const value = body[target] as string;
  const known =
    target === 'targetOperatorId'
      ? value === operatorId
      : target === 'targetGroupId'
        ? Boolean(ctx.stores.groups.get(operatorId, value))
        : target === 'targetSimId'
          ? Boolean(ctx.stores.sims.get(operatorId, value))
          : Boolean(ctx.stores.sims.findByImsi(operatorId, value));
  if (!known) throw badRequest(`Request body: '${target}' names nothing of yours.`);

  const ruleType = body.ruleConfig?.type ?? '';
  const rule = eventHandlerRules[ruleType];
  if (!rule) throw badRequest("Request body: 'ruleConfig.type' is required.");
  const ruleProperties = checkProperties(
    body.ruleConfig.properties as Record<string, unknown> | undefined,
    rule,
    'inactiveTimeoutDateConst',
    `a ${ruleType}`,
  );
  const timing = ruleProperties.inactiveTimeoutDateConst;
  if (ruleType === 'SubscriberFirstTrafficRule' && timing !== 'NEVER') {
    throw badRequest("Request body: a SubscriberFirstTrafficRule re-evaluates 'NEVER' only.");
  }
  if (rule.required.includes('limitTotalTrafficMegaByte') && timing === 'IMMEDIATELY') {
    throw badRequest(`Request body: a ${ruleType} cannot re-evaluate IMMEDIATELY.`);
  }
  if (
    (ruleType === 'DailyTotalTrafficRule' || ruleType === 'MonthlyTotalTrafficRule') &&
    target !== 'targetGroupId' &&
    target !== 'targetOperatorId'
  ) {
    throw badRequest(`Request body: a ${ruleType} watches a group or the operator.`);
  }

  const actions = body.actionConfigList ?? [];
  if (actions.length === 0 || actions.length > eventHandlerLimits.actions) {
    throw badRequest(`Request body: 'actionConfigList' needs 1 to ${eventHandlerLimits.actions} actions.`);
  }
  for (const action of actions) {
    const spec = eventHandlerActions[action?.type ?? ''];
    if (!spec) throw badRequest("Request body: every action needs a 'type'.");
    const properties = checkProperties(
      action.properties as Record<string, unknown> | undefined,
      spec,
      'executionDateTimeConst',
      `a ${action.type}`,
    );
    const credentialsId = properties.credentialsId;
    if (typeof credentialsId === 'string' && !ctx.stores.credentials.get(operatorId, credentialsId)) {
      throw badRequest(`Request body: no credentials '${credentialsId.slice(0, 100)}'.`);
    }
  }
  return {
    handlerId,
    name: body.name,
    ...(body.description !== undefined ? { description: body.description } : {}),
    status: body.status,
    [target]: value,
    ruleConfig: body.ruleConfig,
    actionConfigList: actions,
  };
}

function pathHandler(ctx: Ctx<unknown>, operatorId: string): EventHandler {
  const handler = ctx.stores.eventHandlers.get(operatorId, ctx.path.handler_id ?? '');
  if (!handler) throw notFound('No such event handler.');
  return handler;
}

const targetKeys = { operator: 'targetOperatorId', group: 'targetGroupId', sim: 'targetSimId', imsi: 'targetImsi' };

const listEventHandlers: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const target = ctx.query.target as keyof typeof targetKeys | undefined;
  const all = ctx.stores.eventHandlers.list(operatorId);
  const key = target ? targetKeys[target] : undefined;
  return { status: 200, body: key ? all.filter((h) => h[key as keyof EventHandler] !== undefined) : all };
};

const createEventHandler: Handler = (ctx: Ctx<Request | undefined>) => {
  const { operatorId } = caller(ctx);
  const handler = checkHandler(ctx, operatorId, ctx.body, randomUUID());
  if (ctx.stores.eventHandlers.count(operatorId) >= eventHandlerLimits.perOperator) {
    throw badRequest(`At most ${eventHandlerLimits.perOperator} event handlers per operator.`, codes.limitExceeded);
  }
  ctx.stores.eventHandlers.create(operatorId, handler, ctx.now);
  return { status: 201, body: handler };
};

const getEventHandler: Handler = (ctx) => ({ status: 200, body: pathHandler(ctx, caller(ctx).operatorId) });

const updateEventHandler: Handler = (ctx: Ctx<Request | undefined>) => {
  const { operatorId } = caller(ctx);
  const current = pathHandler(ctx, operatorId);
  const handler = checkHandler(ctx, operatorId, ctx.body, current.handlerId);
  ctx.stores.eventHandlers.replace(operatorId, handler, ctx.now);
  return { status: 200 };
};

const deleteEventHandler: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  ctx.stores.eventHandlers.remove(operatorId, pathHandler(ctx, operatorId).handlerId);
  return { status: 204 };
};

const listEventHandlersBySubscriber: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const imsi = ctx.path.imsi ?? '';
  const sim = ctx.stores.sims.findByImsi(operatorId, imsi);
  if (!sim) throw notFound('No such subscriber found.');
  const watching = ctx.stores.eventHandlers.list(operatorId).filter((h) => watches(h, operatorId, imsi, sim));
  return { status: 200, body: watching };
};

function ignoreTarget(ctx: Ctx<unknown>) {
  const { operatorId } = caller(ctx);
  const handler = pathHandler(ctx, operatorId);
  const imsi = ctx.path.imsi ?? '';
  if (!ctx.stores.sims.findByImsi(operatorId, imsi)) throw notFound('No such subscriber found.');
  return { operatorId, handlerId: handler.handlerId, imsi };
}

const setIgnoreEventHandler: Handler = (ctx) => {
  const { operatorId, handlerId, imsi } = ignoreTarget(ctx);
  ctx.stores.eventHandlers.ignore(operatorId, handlerId, imsi, ctx.now);
  return { status: 200 };
};

const deleteIgnoreEventHandler: Handler = (ctx) => {
  const { operatorId, handlerId, imsi } = ignoreTarget(ctx);
  if (!ctx.stores.eventHandlers.unignore(operatorId, handlerId, imsi))
    throw notFound('The handler does not ignore it.');
  return { status: 204 };
};

export const eventHandlerHandlers = {
  listEventHandlers,
  createEventHandler,
  getEventHandler,
  updateEventHandler,
  deleteEventHandler,
  listEventHandlersBySubscriber,
  setIgnoreEventHandler,
  deleteIgnoreEventHandler,
} satisfies Handlers;
