/**
 * SAM users: creation, details, password and MFA. Who may call these is the dispatcher's to decide (permissions,
 * guesses: who may call what); a handler here only checks what the operation itself needs.
 */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller, requireSelf } from '../../context';
import { badRequest, codes, notFound } from '../../errors';
import { samMfaLabel, teamLimits } from '../../guesses';
import { checkPassword } from '../../rules';
import { verifyPassword } from '../../store/secrets';
import { checkDescription, checkId, checkRoom } from '../../teamRules';
import { acceptTotp, newTotpSecret, totpUri } from '../../totp';
import { pathUser, userDetail } from './userDetail';

type CreateUser = components['schemas']['CreateUserRequest'];
type CreatePassword = components['schemas']['CreateUserPasswordRequest'];
type UpdatePassword = components['schemas']['UpdatePasswordRequest'];
type MfaCode = components['schemas']['MFAAuthenticationRequest'];

const createUser: Handler = (ctx: Ctx<CreateUser | undefined>) => {
  const { operatorId } = caller(ctx);
  const userName = checkId(ctx.path.user_name, 'user name');
  const description = checkDescription(ctx.body?.description);
  if (ctx.stores.users.get(operatorId, userName)) throw badRequest('That user already exists.', codes.alreadyExists);
  checkRoom(ctx.stores.users.count(operatorId), teamLimits.usersPerOperator, 'users per operator');
  ctx.stores.users.create(operatorId, userName, description, ctx.now);
  return { status: 201 };
};

const getUser: Handler = (ctx) => ({ status: 200, body: userDetail(ctx, pathUser(ctx, caller(ctx).operatorId)) });

const createUserPassword: Handler = (ctx: Ctx<CreatePassword>) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  if (user.password_hash) throw badRequest('The user already has a password.', codes.alreadyExists);
  ctx.stores.users.setPassword(user.operator_id, user.user_name, checkPassword(ctx.body.password), ctx.now);
  return { status: 201 };
};

const hasUserPassword: Handler = (ctx) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  return { status: 200, body: { hasPassword: user.password_hash !== null } };
};

/** The user can then sign in only with auth keys; its API keys already issued stay valid. */
const deleteUserPassword: Handler = (ctx) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  if (user.password_hash === null) throw notFound('The user has no password.');
  ctx.stores.users.clearPassword(user.operator_id, user.user_name, ctx.now);
  return { status: 204 };
};

const updateUserPassword: Handler = (ctx: Ctx<UpdatePassword>) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  // guesses.passwordRule: the root account too gives the user's current password.
  if (!verifyPassword(ctx.body.currentPassword, user.password_hash)) {
    throw badRequest('The current password is not correct.', codes.authFailed);
  }
  ctx.stores.users.setPassword(user.operator_id, user.user_name, checkPassword(ctx.body.newPassword), ctx.now);
  return { status: 200 };
};

const getUserMFAStatus: Handler = (ctx) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  return { status: 200, body: { status: user.mfa_status } };
};

const enableUserMFA: Handler = (ctx) => {
  const user = pathUser(ctx, requireSelf(ctx).operatorId);
  if (user.mfa_status === 'ACTIVE') throw badRequest('MFA is already enabled.', codes.mfaState);
  const secret = newTotpSecret();
  ctx.stores.users.setMfa(user.operator_id, user.user_name, { status: 'UNCONFIRMED', secret }, ctx.now);
  return { status: 200, body: { totpUri: totpUri(secret, samMfaLabel(user.operator_id, user.user_name)) } };
};

const verifyUserMFA: Handler = (ctx: Ctx<MfaCode>) => {
  const user = pathUser(ctx, requireSelf(ctx).operatorId);
  if (user.mfa_status !== 'UNCONFIRMED' || !user.mfa_secret) {
    throw badRequest('MFA is not waiting for verification. Enable it first.', codes.mfaState);
  }
  const step = acceptTotp(user.mfa_secret, ctx.body.mfaOTPCode ?? '', ctx.now, user.mfa_last_counter);
  if (step === undefined) throw badRequest('The MFA code is not valid.', codes.mfaState);
  ctx.stores.users.setMfa(
    user.operator_id,
    user.user_name,
    { status: 'ACTIVE', secret: user.mfa_secret, lastCounter: step },
    ctx.now,
  );
  return { status: 204 };
};

const revokeUserMFA: Handler = (ctx) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  ctx.stores.users.setMfa(user.operator_id, user.user_name, { status: 'INACTIVE', secret: null }, ctx.now);
  return { status: 204 };
};

export const userHandlers = {
  createUser,
  getUser,
  createUserPassword,
  hasUserPassword,
  deleteUserPassword,
  updateUserPassword,
  getUserMFAStatus,
  enableUserMFA,
  verifyUserMFA,
  revokeUserMFA,
} satisfies Handlers;
