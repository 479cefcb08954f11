/** "Sign out everywhere" for a SAM user. */
import type { Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { revokeTokensKeepsCaller } from '../../guesses';
import { pathUser } from './userDetail';

/** Every API key and token of the user but the caller's (the user themself, or whoever the permissions allow). */
const revokeUserAuthTokens: Handler = (ctx) => {
  const identity = caller(ctx);
  const user = pathUser(ctx, identity.operatorId);
  ctx.stores.tokens.revokeAll(identity.operatorId, user.user_name, revokeTokensKeepsCaller ? identity.apiKey : null);
  return { status: 204 };
};

export const userTokenHandlers = { revokeUserAuthTokens } satisfies Handlers;
