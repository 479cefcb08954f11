/**
 * Every handler of the sandbox by operationId. The handlers of an operation live in the folder of its tag in the
 * description (openapi/soracom.json keeps SORACOM's tags): the tag in lower case with its words joined by `-`
 * (`Sim` → sim/, `ShippingAddress` → shipping-address/), and every `API Sandbox: …` operation in sandbox/. Each
 * module there exports its handlers keyed by operationId (`simHandlers`); this list only gathers them, and
 * layout.test.ts holds every module to its tag. An operation of the description without a handler answers 501.
 */
import type { Handler, Handlers } from '../context';
import { auditLogHandlers } from './audit-log/apiAuditLogs';
import { authHandlers } from './auth/auth';
import { passwordResetHandlers } from './auth/passwordReset';
import { billingHandlers } from './billing/bills';
import { billExportHandlers } from './billing/exports';
import { credentialHandlers } from './credential/credentials';
import { emailHandlers } from './email/emails';
import { eventHandlerHandlers } from './event-handler/eventHandlers';
import { fileHandlers } from './files/exportedFiles';
import { groupHandlers } from './group/groups';
import { logHandlers } from './log/logs';
import { operatorAuthKeyHandlers } from './operator/authKeys';
import { contactHandlers } from './operator/contact';
import { contractHandlers } from './operator/contracts';
import { mfaRecoveryHandlers } from './operator/mfaRecovery';
import { operatorHandlers } from './operator/operator';
import { signupHandlers } from './operator/signup';
import { operatorTokenHandlers } from './operator/tokens';
import { orderHandlers } from './order/orders';
import { couponHandlers } from './payment/coupons';
import { paymentHandlers } from './payment/payments';
import { querySimHandlers } from './query/sims';
import { trafficRankingHandlers } from './query/trafficRanking';
import { resourceSummaryHandlers } from './resource-summary/resourceSummaries';
import { roleHandlers } from './role/roles';
import { userRoleHandlers } from './role/userRoles';
import { sandboxCouponHandlers } from './sandbox/coupon';
import { sandboxOperatorHandlers } from './sandbox/operator';
import { sandboxOrderHandlers } from './sandbox/order';
import { sandboxStatsHandlers } from './sandbox/stats';
import { sandboxSubscriberHandlers } from './sandbox/subscriber';
import { shippingAddressHandlers } from './shipping-address/addresses';
import { simActionHandlers } from './sim/actions';
import { simRecordHandlers } from './sim/records';
import { registerSimHandlers } from './sim/register';
import { simHandlers } from './sim/sims';
import { simSmsHandlers } from './sim/sms';
import { airStatsHandlers } from './stats/air';
import { beamStatsHandlers } from './stats/beam';
import { subscriberActionHandlers } from './subscriber/actions';
import { subscriberGroupHandlers } from './subscriber/subscribers';
import { systemNotificationHandlers } from './system-notification/systemNotifications';
import { userAuthKeyHandlers } from './user/authKeys';
import { userDirectoryHandlers } from './user/directory';
import { userPermissionHandlers } from './user/permissions';
import { userTokenHandlers } from './user/tokens';
import { userTrustPolicyHandlers } from './user/trustPolicy';
import { userHandlers } from './user/users';

/** The modules' handlers in one map; an operationId two modules both answer is a mistake caught at start. */
export function gather(modules: readonly Handlers[]): ReadonlyMap<string, Handler> {
  const all = new Map<string, Handler>();
  for (const module of modules) {
    for (const [operationId, handler] of Object.entries(module)) {
      if (all.has(operationId)) throw new Error(`Two sandbox handlers for ${operationId}`);
      all.set(operationId, handler);
    }
  }
  return all;
}

const handlerModules: readonly Handlers[] = [
  authHandlers,
  passwordResetHandlers,
  operatorHandlers,
  operatorTokenHandlers,
  operatorAuthKeyHandlers,
  signupHandlers,
  mfaRecoveryHandlers,
  userHandlers,
  userTokenHandlers,
  userAuthKeyHandlers,
  userDirectoryHandlers,
  userPermissionHandlers,
  userTrustPolicyHandlers,
  roleHandlers,
  userRoleHandlers,
  auditLogHandlers,
  simHandlers,
  simActionHandlers,
  simSmsHandlers,
  simRecordHandlers,
  registerSimHandlers,
  subscriberActionHandlers,
  subscriberGroupHandlers,
  groupHandlers,
  querySimHandlers,
  airStatsHandlers,
  beamStatsHandlers,
  billingHandlers,
  billExportHandlers,
  couponHandlers,
  paymentHandlers,
  fileHandlers,
  sandboxOperatorHandlers,
  sandboxSubscriberHandlers,
  sandboxCouponHandlers,
  sandboxStatsHandlers,
  shippingAddressHandlers,
  orderHandlers,
  sandboxOrderHandlers,
  resourceSummaryHandlers,
  trafficRankingHandlers,
  credentialHandlers,
  eventHandlerHandlers,
  // The account (issue 16)
  contactHandlers,
  emailHandlers,
  systemNotificationHandlers,
  contractHandlers,
  logHandlers,
];

export const handlers = gather(handlerModules);
