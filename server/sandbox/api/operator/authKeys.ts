/**
 * Auth keys (`authKeyId` + `authKey`, for logins by programs) of the root account; the helpers serve the SAM users'
 * keys too (api/user/authKeys.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Ctx, Handler, Handlers } from '../../context';
import { requireRoot } from '../../context';
import { notFound } from '../../errors';
import { authKeyFormat } from '../../guesses';

/** A new auth key of the root account (`userName` null) or of a SAM user; its secret is answered once. */
export function generateAuthKey(ctx: Ctx<unknown>, operatorId: string, userName: string | null) {
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

/** Deletes the auth key of the path: 204, or 404 when the account has no such key. */
export function deleteAuthKey(ctx: Ctx<unknown>, operatorId: string, userName: string | null) {
  if (!ctx.stores.tokens.deleteAuthKey(ctx.path.auth_key_id ?? '', operatorId, userName)) {
    throw notFound('No such auth key.');
  }
  return { status: 204 };
}

const listOperatorAuthKeys: Handler = (ctx) => {
  const { operatorId } = requireRoot(ctx);
  return { status: 200, body: listAuthKeys(ctx, operatorId, null) };
};

const generateOperatorAuthKey: Handler = (ctx) => {
  const { operatorId } = requireRoot(ctx);
  return { status: 201, body: generateAuthKey(ctx, operatorId, null) };
};

const deleteOperatorAuthKey: Handler = (ctx) => deleteAuthKey(ctx, requireRoot(ctx).operatorId, null);

export const operatorAuthKeyHandlers = {
  listOperatorAuthKeys,
  generateOperatorAuthKey,
  deleteOperatorAuthKey,
} satisfies Handlers;
