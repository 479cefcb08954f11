/** Auth keys (`authKeyId` + `authKey`, for logins by programs) of the root account and of SAM users. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Ctx, Handler } from '../../context';
import { requireRoot, selfOrRoot } from '../../context';
import { notFound } from '../../errors';
import { authKeyFormat } from '../../guesses';

/** The SAM user of the path must exist; the root account and the user themself may manage its keys. */
function userOwner(ctx: Ctx<unknown>): { operatorId: string; userName: string } {
  const { operatorId } = selfOrRoot(ctx);
  const user = ctx.stores.users.get(operatorId, ctx.path.user_name ?? '');
  if (!user) throw notFound('No such user.');
  return { operatorId, userName: user.user_name };
}

function generate(ctx: Ctx<unknown>, operatorId: string, userName: string | null) {
  const authKeyId = `${authKeyFormat.idPrefix}${randomUUID()}`;
  const authKey = `${authKeyFormat.secretPrefix}${randomBytes(48).toString('base64url')}`;
  ctx.stores.tokens.addAuthKey(authKeyId, authKey, operatorId, userName, ctx.now);
  return { authKeyId, authKey };
}

/** `AuthKeyResponse`: times in UNIX seconds, as the description says. */
export function listAuthKeys(ctx: Ctx<unknown>, operatorId: string, userName: string | null) {
  return ctx.stores.tokens.listAuthKeys(operatorId, userName).map((key) => ({
    authKeyId: key.auth_key_id,
    createDateTime: Math.floor(key.created_at / 1000),
    ...(key.last_used_at === null ? {} : { lastUsedDateTime: Math.floor(key.last_used_at / 1000) }),
  }));
}

function remove(ctx: Ctx<unknown>, operatorId: string, userName: string | null) {
  if (!ctx.stores.tokens.deleteAuthKey(ctx.path.auth_key_id ?? '', operatorId, userName)) {
    throw notFound('No such auth key.');
  }
  return { status: 204 };
}

export const listOperatorAuthKeys: Handler = (ctx) => {
  const { operatorId } = requireRoot(ctx);
  return { status: 200, body: listAuthKeys(ctx, operatorId, null) };
};

export const generateOperatorAuthKey: Handler = (ctx) => {
  const { operatorId } = requireRoot(ctx);
  return { status: 201, body: generate(ctx, operatorId, null) };
};

export const deleteOperatorAuthKey: Handler = (ctx) => remove(ctx, requireRoot(ctx).operatorId, null);

export const listUserAuthKeys: Handler = (ctx) => {
  const { operatorId, userName } = userOwner(ctx);
  return { status: 200, body: listAuthKeys(ctx, operatorId, userName) };
};

export const generateUserAuthKey: Handler = (ctx) => {
  const { operatorId, userName } = userOwner(ctx);
  return { status: 200, body: generate(ctx, operatorId, userName) };
};

export const deleteUserAuthKey: Handler = (ctx) => {
  const { operatorId, userName } = userOwner(ctx);
  return remove(ctx, operatorId, userName);
};
