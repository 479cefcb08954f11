/** `/auth`, `/auth/logout` and token refresh. */
import type { components } from '../../src/api/schema';
import type { Ctx, Handler } from './context';
import { caller } from './context';
import { badRequest, codes, SoracomError } from './errors';
import { mfaRequired, minTokenTimeoutSeconds } from './guesses';
import { acceptTotp } from './mfa';
import { verifyPassword } from './store/secrets';

type AuthRequest = components['schemas']['AuthRequest'];
type GenerateTokenRequest = components['schemas']['GenerateTokenRequest'];

/** One answer for every credential mistake, so a caller cannot tell which part was wrong. */
const authFailed = () => new SoracomError(401, codes.authFailed, 'Authentication failed.');

function timeout(seconds: number | undefined): number {
  const value = seconds ?? 86_400;
  if (value < minTokenTimeoutSeconds) {
    throw badRequest(`Request body: 'tokenTimeoutSeconds' must be >= ${minTokenTimeoutSeconds}.`);
  }
  return value;
}

export const auth: Handler = (ctx: Ctx<AuthRequest>) => {
  const { body, stores, now } = ctx;
  const seconds = timeout(body.tokenTimeoutSeconds);
  let principal: { operatorId: string; userName: string | null; root: boolean } | undefined;
  if (body.authKeyId !== undefined || body.authKey !== undefined) {
    const key = body.authKeyId && body.authKey ? stores.tokens.findAuthKey(body.authKeyId, body.authKey) : undefined;
    if (key) principal = { operatorId: key.operator_id, userName: key.user_name, root: false };
  } else if (body.userName !== undefined || body.operatorId !== undefined) {
    const user = stores.users.get(body.operatorId ?? '', body.userName ?? '');
    if (verifyPassword(body.password ?? '', user?.password_hash) && user) {
      principal = { operatorId: user.operator_id, userName: user.user_name, root: false };
    }
  } else if (body.email !== undefined) {
    const operator = stores.operators.findByEmail(body.email);
    if (verifyPassword(body.password ?? '', operator?.password_hash) && operator?.verified) {
      principal = { operatorId: operator.operator_id, userName: null, root: true };
    }
  } else {
    throw badRequest('Give email and password, operatorId, userName and password, or authKeyId and authKey.');
  }
  if (!principal) throw authFailed();

  if (principal.root) {
    const operator = stores.operators.get(principal.operatorId);
    if (operator?.mfa_status === 'ACTIVE' && operator.mfa_secret) {
      const step = acceptTotp(operator.mfa_secret, body.mfaOTPCode ?? '', now, operator.mfa_last_counter);
      if (step === undefined) throw new SoracomError(mfaRequired.status, mfaRequired.code, mfaRequired.message);
      stores.operators.setMfaCounter(operator.operator_id, step);
    }
  }
  const { apiKey, token } = stores.tokens.issue(principal.operatorId, principal.userName, seconds, now);
  return {
    status: 200,
    body: {
      apiKey,
      token,
      operatorId: principal.operatorId,
      ...(principal.userName ? { userName: principal.userName } : {}),
    },
  };
};

export const logout: Handler = (ctx) => {
  ctx.stores.tokens.revoke(caller(ctx).apiKey);
  return { status: 204 };
};

export const generateAuthToken: Handler = (ctx: Ctx<GenerateTokenRequest | undefined>) => {
  const identity = caller(ctx);
  if (identity.expired) {
    throw badRequest('The token has expired. Authenticate again with /auth.', codes.tokenExpired);
  }
  const token = ctx.stores.tokens.refresh(identity.apiKey, timeout(ctx.body?.tokenTimeoutSeconds), ctx.now);
  return { status: 200, body: { token } };
};
