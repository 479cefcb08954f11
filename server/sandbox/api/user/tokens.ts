/** "Sign out everywhere" for a SAM user. */
import type { Handler, Handlers } from '../../context';
import { selfOrRoot } from '../../context';
import { notFound } from '../../errors';
import { revokeTokensKeepsCaller } from '../../guesses';

/** Every API key and token of the user but the caller's, by the user themself or by the root account. */
const revokeUserAuthTokens: Handler = (ctx) => {
  const identity = selfOrRoot(ctx);
  const user = ctx.stores.users.get(identity.operatorId, ctx.path.user_name ?? '');
  if (!user) throw notFound('No such user.');
  ctx.stores.tokens.revokeAll(identity.operatorId, user.user_name, revokeTokensKeepsCaller ? identity.apiKey : null);
  return { status: 204 };
};

export const userTokenHandlers = { revokeUserAuthTokens } satisfies Handlers;
