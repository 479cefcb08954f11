/** The operator itself and its MFA. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { requireRoot } from '../../context';
import { badRequest, codes, notFound } from '../../errors';
import { checkOperatorPassword } from '../../rules';
import { hashBackupCodes } from '../../store/secrets';
import { acceptTotp, newBackupCodes, newTotpSecret, totpUri } from '../../totp';
import { contractsOf, coverageTypesOf } from './contracts';

type MfaCode = components['schemas']['MFAAuthenticationRequest'];
type MfaRevoke = components['schemas']['MFARevokeRequest'];
type UpdatePassword = components['schemas']['UpdatePasswordRequest'];

const getOperator: Handler = (ctx) => {
  const operator = ctx.stores.operators.get(ctx.path.operator_id ?? '');
  if (!operator) throw notFound('No such operator.');
  return {
    status: 200,
    body: {
      operatorId: operator.operator_id,
      rootOperatorId: operator.operator_id,
      email: operator.email,
      description: operator.description,
      createDate: new Date(operator.created_at).toISOString(),
      updateDate: new Date(operator.updated_at).toISOString(),
      ...contractsOf(ctx.stores.account, operator.operator_id),
      coverageTypes: coverageTypesOf(ctx.stores.account, operator.operator_id),
    },
  };
};

const getMFAStatus: Handler = (ctx) => {
  const { operatorId } = requireRoot(ctx);
  return { status: 200, body: { status: ctx.stores.operators.get(operatorId)?.mfa_status ?? 'INACTIVE' } };
};

const enableMFA: Handler = (ctx) => {
  const { operatorId } = requireRoot(ctx);
  const operator = ctx.stores.operators.get(operatorId);
  if (operator?.mfa_status === 'ACTIVE') throw badRequest('MFA is already enabled.', codes.mfaState);
  const secret = newTotpSecret();
  ctx.stores.operators.setMfa(operatorId, { status: 'UNCONFIRMED', secret, backupCodes: [] }, ctx.now);
  return { status: 200, body: { totpUri: totpUri(secret, operatorId) } };
};

const verifyMFA: Handler = (ctx: Ctx<MfaCode>) => {
  const { operatorId } = requireRoot(ctx);
  const operator = ctx.stores.operators.get(operatorId);
  if (operator?.mfa_status !== 'UNCONFIRMED' || !operator.mfa_secret) {
    throw badRequest('MFA is not waiting for verification. Enable it first.', codes.mfaState);
  }
  const step = acceptTotp(operator.mfa_secret, ctx.body.mfaOTPCode ?? '', ctx.now, operator.mfa_last_counter);
  if (step === undefined) throw badRequest('The MFA code is not valid.', codes.mfaState);
  const backupCodes = newBackupCodes();
  ctx.stores.operators.setMfa(
    operatorId,
    { status: 'ACTIVE', secret: operator.mfa_secret, backupCodes: hashBackupCodes(backupCodes), lastCounter: step },
    ctx.now,
  );
  return { status: 200, body: { backupCodes } };
};

const revokeMFA: Handler = (ctx: Ctx<MfaRevoke>) => {
  const { operatorId } = requireRoot(ctx);
  const operator = ctx.stores.operators.get(operatorId);
  if (!ctx.stores.passwords.verify(ctx.body.password, operator?.password_hash)) {
    throw badRequest('The password is not correct.', codes.authFailed);
  }
  ctx.stores.operators.setMfa(operatorId, { status: 'INACTIVE', secret: null, backupCodes: [] }, ctx.now);
  return { status: 204 };
};

const updateOperatorPassword: Handler = (ctx: Ctx<UpdatePassword>) => {
  const { operatorId } = requireRoot(ctx);
  const operator = ctx.stores.operators.get(operatorId);
  if (!ctx.stores.passwords.verify(ctx.body.currentPassword, operator?.password_hash)) {
    throw badRequest('The current password is not correct.', codes.authFailed);
  }
  ctx.stores.operators.setPassword(operatorId, checkOperatorPassword(ctx.body.newPassword), ctx.now);
  return { status: 200 };
};

export const operatorHandlers = {
  getOperator,
  getMFAStatus,
  enableMFA,
  verifyMFA,
  revokeMFA,
  updateOperatorPassword,
} satisfies Handlers;
