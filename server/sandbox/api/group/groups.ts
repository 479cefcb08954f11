/** `/groups`: the group list filtered by tag, a group's life, its tags, its configuration and its SIMs. */
import { randomUUID } from 'node:crypto';
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, notFound } from '../../errors';
import { pageHeaders, pageRequest } from '../../paging';
import type { Group, GroupConfiguration } from '../../store/groups';
import { checkConfiguration, checkSettings, isNamespace } from './configuration';

type CreateGroup = components['schemas']['CreateGroupRequest'];
type TagUpdate = components['schemas']['TagUpdateRequest'];
type ConfigurationUpdate = components['schemas']['GroupConfigurationUpdateRequest'];

const noSuchGroup = () => notFound('No such group found.');

const listGroups: Handler = (ctx) => {
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

const createGroup: Handler = (ctx: Ctx<CreateGroup>) => {
  const { operatorId } = caller(ctx);
  const tags = ctx.body.tags ?? {};
  if (Object.hasOwn(tags, '')) throw badRequest("Request body: a tag name in 'tags' must not be empty.");
  const configuration = checkConfiguration(ctx.body.configuration);
  const group = ctx.stores.groups.create({ groupId: randomUUID(), operatorId, tags, configuration }, ctx.now);
  return { status: 201, body: group };
};

const getGroup: Handler = (ctx) => {
  const group = ctx.stores.groups.get(caller(ctx).operatorId, ctx.path.group_id ?? '');
  if (!group) throw noSuchGroup();
  return { status: 200, body: group };
};

/** The group's SIMs leave it (guesses.groupConfiguration). */
const deleteGroup: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const groupId = ctx.path.group_id ?? '';
  const deleted = ctx.transaction(() => {
    if (!ctx.stores.groups.get(operatorId, groupId)) return false;
    ctx.stores.sims.leaveGroup(operatorId, groupId, ctx.now);
    return ctx.stores.groups.remove(operatorId, groupId);
  });
  if (!deleted) throw noSuchGroup();
  return { status: 204 };
};

/** Changes the caller's group named in the path; 404 when there is none. */
function modify(
  ctx: Ctx<unknown>,
  change: (group: { tags: Record<string, string>; configuration: GroupConfiguration }) => void,
): Group {
  const group = ctx.stores.groups.modify(caller(ctx).operatorId, ctx.path.group_id ?? '', change, ctx.now);
  if (!group) throw noSuchGroup();
  return group;
}

const putGroupTags: Handler = (ctx: Ctx<TagUpdate[]>) => {
  const tags = new Map<string, string>();
  for (const [i, tag] of ctx.body.entries()) {
    if (tag.tagName === '') throw badRequest(`Request body: '${i}.tagName' must not be empty.`);
    tags.set(tag.tagName, tag.tagValue);
  }
  const group = modify(ctx, (g) => {
    g.tags = { ...g.tags, ...Object.fromEntries(tags) };
  });
  return { status: 200, body: group };
};

const deleteGroupTag: Handler = (ctx) => {
  const name = ctx.path.tag_name ?? '';
  modify(ctx, (g) => {
    if (!Object.hasOwn(g.tags, name)) throw notFound('No such tag found.');
    g.tags = Object.fromEntries(Object.entries(g.tags).filter(([key]) => key !== name));
  });
  return { status: 204 };
};

function pathNamespace(ctx: Ctx<unknown>) {
  const namespace = ctx.path.namespace ?? '';
  // The description's enum already holds the path to the namespaces; this keeps the types honest.
  if (!isNamespace(namespace)) throw badRequest(`Path: '${namespace}' is not a configuration namespace.`);
  return namespace;
}

/** Replaces the whole namespace with exactly the keys given (a key left out is gone). */
const putConfigurationParameters: Handler = (ctx: Ctx<ConfigurationUpdate[]>) => {
  const namespace = pathNamespace(ctx);
  const settings = new Map<string, unknown>();
  for (const [i, { key, value }] of ctx.body.entries()) {
    if (key === '') throw badRequest(`Request body: '${i}.key' must not be empty.`);
    if (settings.has(key)) throw badRequest(`Request body: the key '${key}' is given more than once.`);
    settings.set(key, value);
  }
  // Object.fromEntries keeps a key such as `__proto__` as a key of its own.
  const namespaceSettings = Object.fromEntries(settings);
  checkSettings(namespace, namespaceSettings);
  const group = modify(ctx, (g) => {
    g.configuration = { ...g.configuration, [namespace]: namespaceSettings };
  });
  return { status: 200, body: group };
};

const deleteConfigurationNamespace: Handler = (ctx) => {
  const namespace = pathNamespace(ctx);
  modify(ctx, (g) => {
    if (!Object.hasOwn(g.configuration, namespace)) throw notFound(`The group has no ${namespace} configuration.`);
    g.configuration = Object.fromEntries(Object.entries(g.configuration).filter(([key]) => key !== namespace));
  });
  return { status: 204 };
};

const deleteConfigurationParameter: Handler = (ctx) => {
  const namespace = pathNamespace(ctx);
  const name = ctx.path.name ?? '';
  modify(ctx, (g) => {
    const settings = Object.hasOwn(g.configuration, namespace) ? g.configuration[namespace] : undefined;
    if (!settings) throw notFound(`The group has no ${namespace} configuration.`);
    if (!Object.hasOwn(settings, name)) throw notFound(`The ${namespace} configuration has no '${name}'.`);
    const rest = Object.fromEntries(Object.entries(settings).filter(([key]) => key !== name));
    g.configuration = { ...g.configuration, [namespace]: rest };
  });
  return { status: 204 };
};

/** The group's SIMs in SIM ID order, paged like `/sims`. */
const listSubscribersInGroup: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const groupId = ctx.path.group_id ?? '';
  const { limit, after } = pageRequest(ctx.query);
  if (!ctx.stores.groups.get(operatorId, groupId)) throw noSuchGroup();
  const page = ctx.stores.sims.pageInGroup(operatorId, groupId, after, limit);
  const path = `/groups/${encodeURIComponent(groupId)}/subscribers`;
  return { status: 200, body: page.items, headers: pageHeaders(path, ctx.query, limit, page.nextKey) };
};

export const groupHandlers = {
  listGroups,
  createGroup,
  getGroup,
  deleteGroup,
  putGroupTags,
  deleteGroupTag,
  putConfigurationParameters,
  deleteConfigurationNamespace,
  deleteConfigurationParameter,
  listSubscribersInGroup,
} satisfies Handlers;
