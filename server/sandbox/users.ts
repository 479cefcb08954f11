/** SAM users: creation, details and password. */
import type { components } from '../../src/api/schema';
import type { Ctx, Handler } from './context';
import { caller, requireRoot } from './context';
import { badRequest, codes, forbidden, notFound } from './errors';
import { passwordRule } from './guesses';

type CreateUser = components['schemas']['CreateUserRequest'];
type CreatePassword = components['schemas']['CreateUserPasswordRequest'];

const userNamePattern = /^[A-Za-z0-9@_.+-]{1,100}$/;

export function checkPassword(password: string | undefined): string {
  if (!password || password.length < passwordRule.minLength || password.length > passwordRule.maxLength) {
    throw badRequest(`The password must be ${passwordRule.minLength} to ${passwordRule.maxLength} characters long.`);
  }
  return password;
}

export const createUser: Handler = (ctx: Ctx<CreateUser | undefined>) => {
  const { operatorId } = requireRoot(ctx);
  const userName = ctx.path.user_name ?? '';
  if (!userNamePattern.test(userName)) {
    throw badRequest('A user name is 1 to 100 letters, digits and the characters @ _ . + -');
  }
  if (ctx.stores.users.get(operatorId, userName)) throw badRequest('That user already exists.', codes.alreadyExists);
  ctx.stores.users.create(operatorId, userName, ctx.body?.description ?? '', ctx.now);
  return { status: 201 };
};

export const getUser: Handler = (ctx) => {
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
      authKeyList: [],
      roleList: [],
      createDateTime: Math.floor(user.created_at / 1000),
      updateDateTime: Math.floor(user.updated_at / 1000),
    },
  };
};

export const createUserPassword: Handler = (ctx: Ctx<CreatePassword>) => {
  const { operatorId } = requireRoot(ctx);
  const user = ctx.stores.users.get(operatorId, ctx.path.user_name ?? '');
  if (!user) throw notFound('No such user.');
  if (user.password_hash) throw badRequest('The user already has a password.', codes.alreadyExists);
  ctx.stores.users.setPassword(operatorId, user.user_name, checkPassword(ctx.body.password), ctx.now);
  return { status: 201 };
};
