/**
 * MFA recovery for a lost device: `/operators/mfa_revoke_token/issue` mails a token when the email and password are
 * right and MFA is ACTIVE; `/operators/mfa_revoke_token/verify` spends it with the credentials and a backup code.
 */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { badRequest, codes, SoracomError, tokenInvalid } from '../../errors';
import { oneTimeTokenSeconds } from '../../guesses';
import { matchBackupCode } from '../../store/secrets';

type IssueRequest = components['schemas']['MFAIssueRevokingTokenRequest'];
type VerifyRequest = components['schemas']['MFARevokingTokenVerifyRequest'];

function required(body: Record<string, string | undefined>, names: string[]): void {
  for (const name of names) {
    if (!body[name]) throw badRequest(`Request body: '${name}' is required.`);
  }
}

const issueMFARevokingToken: Handler = (ctx: Ctx<IssueRequest>) => {
  const { stores, now, body } = ctx;
  required(body, ['email', 'password']);
  const operator = stores.operators.findByEmail(body.email ?? '');
  // 200 whatever happens, so that nothing tells whether the credentials were right or MFA is on.
  if (stores.passwords.verify(body.password ?? '', operator?.password_hash) && operator?.verified) {
    if (operator.mfa_status === 'ACTIVE') {
      const token = stores.oneTimeTokens.issue(
        'mfaRevoke',
        { email: operator.email, operatorId: operator.operator_id },
        oneTimeTokenSeconds.mfaRevoke,
        now,
      );
      // To the sign-in address and the recovery addresses (guesses: the account).
      for (const to of stores.account.recipients(operator.operator_id, operator.email, 'recovery')) {
        ctx.mail({ to, kind: 'mfaRevoke', subject: 'Turn off multi-factor authentication', token });
      }
    }
  }
  return { status: 200 };
};

const verifyMFARevokingToken: Handler = (ctx: Ctx<VerifyRequest>) => {
  const { stores, now, body } = ctx;
  required(body, ['token', 'email', 'password', 'backupCode']);
  const row = stores.oneTimeTokens.peek('mfaRevoke', body.token ?? '', now);
  if (!row) throw tokenInvalid();
  const operator = stores.operators.get(row.operator_id);
  const sameAccount = operator !== undefined && operator.email.toLowerCase() === (body.email ?? '').toLowerCase();
  if (!stores.passwords.verify(body.password ?? '', operator?.password_hash) || !sameAccount || !operator) {
    throw new SoracomError(403, codes.authFailed, 'Invalid email address or password.');
  }
  if (operator.mfa_status !== 'ACTIVE') throw badRequest('MFA is not enabled.', codes.mfaState);
  // guesses.mfaLockout: nothing is used up until everything is right.
  if (matchBackupCode(body.backupCode ?? '', stores.operators.backupCodes(operator)) === undefined) {
    throw new SoracomError(403, codes.backupCodeInvalid, 'The backup code is not valid or has been used.');
  }
  ctx.transaction(() => {
    stores.oneTimeTokens.use(row);
    // Turning MFA off discards the secret and every backup code, the one just given among them.
    stores.operators.setMfa(operator.operator_id, { status: 'INACTIVE', secret: null, backupCodes: [] }, now);
  });
  return { status: 200 };
};

export const mfaRecoveryHandlers = { issueMFARevokingToken, verifyMFARevokingToken } satisfies Handlers;
