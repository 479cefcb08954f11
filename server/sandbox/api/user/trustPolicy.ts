/** Who may switch to a SAM user: the trust policy is stored and checked; switching is not offered locally. */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { checkTrustPolicy } from '../../teamRules';
import { pathUser } from './userDetail';

type SetTrustPolicy = components['schemas']['SetUserTrustPolicyRequest'];

const getUserTrustPolicy: Handler = (ctx) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  return { status: 200, body: { trustPolicy: user.trust_policy ?? '' } };
};

const updateUserTrustPolicy: Handler = (ctx: Ctx<SetTrustPolicy>) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  const policy = checkTrustPolicy(ctx.body.trustPolicy);
  ctx.stores.permissions.setTrustPolicy(user.operator_id, user.user_name, policy, ctx.now);
  return { status: 204 };
};

const deleteUserTrustPolicy: Handler = (ctx) => {
  const user = pathUser(ctx, caller(ctx).operatorId);
  ctx.stores.permissions.setTrustPolicy(user.operator_id, user.user_name, null, ctx.now);
  return { status: 204 };
};

export const userTrustPolicyHandlers = {
  getUserTrustPolicy,
  updateUserTrustPolicy,
  deleteUserTrustPolicy,
} satisfies Handlers;
