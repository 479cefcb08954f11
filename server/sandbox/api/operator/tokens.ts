/** Token refresh and "sign out everywhere" for the root account. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller, requireRoot } from '../../context';
import { badRequest, codes } from '../../errors';
import { revokeTokensKeepsCaller } from '../../guesses';
import { tokenTimeout } from '../auth/auth';

type GenerateTokenRequest = components['schemas']['GenerateTokenRequest'];

const generateAuthToken: Handler = (ctx: Ctx<GenerateTokenRequest | undefined>) => {
  const identity = caller(ctx);
  if (identity.expired) {
    throw badRequest('The token has expired. Authenticate again with /auth.', codes.tokenExpired);
  }
  const token = ctx.stores.tokens.refresh(identity.apiKey, tokenTimeout(ctx.body?.tokenTimeoutSeconds), ctx.now);
  return { status: 200, body: { token } };
};

/** "Sign out everywhere" for the root account: every API key and token of it but the caller's. */
const revokeOperatorAuthTokens: Handler = (ctx) => {
  const identity = requireRoot(ctx);
  ctx.stores.tokens.revokeAll(identity.operatorId, null, revokeTokensKeepsCaller ? identity.apiKey : null);
  return { status: 204 };
};

export const operatorTokenHandlers = { generateAuthToken, revokeOperatorAuthTokens } satisfies Handlers;
