/** SAM users: creation, details, password and MFA. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller, requireRoot, requireSelf, selfOrRoot } from '../../context';
import { badRequest, codes, forbidden, notFound } from '../../errors';
import { samMfaLabel } from '../../guesses';
import { checkPassword } from '../../rules';
import type { UserRow } from '../../store/users';
import { acceptTotp, newTotpSecret, totpUri } from '../../totp';
import { listAuthKeys } from '../operator/authKeys';

type CreateUser = components['schemas']['CreateUserRequest'];
type CreatePassword = components['schemas']['CreateUserPasswordRequest'];
type UpdatePassword = components['schemas']['UpdatePasswordRequest'];
type MfaCode = components['schemas']['MFAAuthenticationRequest'];

/** The SAM user of the path, which must exist. */
function pathUser(ctx: Ctx<unknown>, operatorId: string): UserRow {
  const user = ctx.stores.users.get(operatorId, ctx.path.user_name ?? '');
  if (!user) throw notFound('No such user.');
  return user;
}

const userNamePattern = /^[A-Za-z0-9@_.+-]{1,100}$/;

const createUser: Handler = (ctx: Ctx<CreateUser | undefined>) => {
  const { operatorId } = requireRoot(ctx);
  const userName = ctx.path.user_name ?? '';
  if (!userNamePattern.test(userName)) {
    throw badRequest('A user name is 1 to 100 letters, digits and the characters @ _ . + -');
  }
  if (ctx.stores.users.get(operatorId, userName)) throw badRequest('That user already exists.', codes.alreadyExists);
  ctx.stores.users.create(operatorId, userName, ctx.body?.description ?? '', ctx.now);
  return { status: 201 };
};

const getUser: Handler = (ctx) => {
  const identity = caller(ctx);
  const userName = ctx.path.user_name ?? '';
  if (identity.userName && identity.userName !== userName) throw forbidden();
  const user = ctx.stores.users.get(identity.operatorId, userName);
  if (!user) throw notFound('No such user.');
  return {
    status: 200,
    body: {
      userName: user.user_name,
      description: user.description,
      hasPassword: user.password_hash !== null,
      authKeyList: listAuthKeys(ctx, user.operator_id, user.user_name),
      roleList: [],
      createDateTime: Math.floor(user.created_at / 1000),
      updateDateTime: Math.floor(user.updated_at / 1000),
    },
  };
};

const createUserPassword: Handler = (ctx: Ctx<CreatePassword>) => {
  const { operatorId } = requireRoot(ctx);
  const user = ctx.stores.users.get(operatorId, ctx.path.user_name ?? '');
  if (!user) throw notFound('No such user.');
  if (user.password_hash) throw badRequest('The user already has a password.', codes.alreadyExists);
  ctx.stores.users.setPassword(operatorId, user.user_name, checkPassword(ctx.body.password), ctx.now);
  return { status: 201 };
};

const updateUserPassword: Handler = (ctx: Ctx<UpdatePassword>) => {
  const user = pathUser(ctx, selfOrRoot(ctx).operatorId);
  // guesses.passwordRule: the root account too gives the user's current password.
  if (!ctx.stores.passwords.verify(ctx.body.currentPassword, user.password_hash)) {
    throw badRequest('The current password is not correct.', codes.authFailed);
  }
  ctx.stores.users.setPassword(user.operator_id, user.user_name, checkPassword(ctx.body.newPassword), ctx.now);
  return { status: 200 };
};

const getUserMFAStatus: Handler = (ctx) => {
  const user = pathUser(ctx, selfOrRoot(ctx).operatorId);
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
  const user = pathUser(ctx, selfOrRoot(ctx).operatorId);
  ctx.stores.users.setMfa(user.operator_id, user.user_name, { status: 'INACTIVE', secret: null }, ctx.now);
  return { status: 204 };
};

export const userHandlers = {
  createUser,
  getUser,
  createUserPassword,
  updateUserPassword,
  getUserMFAStatus,
  enableUserMFA,
  verifyUserMFA,
  revokeUserMFA,
} satisfies Handlers;
