/**
 * One concrete request for every secured operation the console uses (scripts/api-operations.ts), against a seeded
 * demo sandbox: a path with real IDs, and a body that the operation accepts. Tests that go over every operation
 * (permissions, the audit log) take their requests from here.
 */
import { operations } from '../../scripts/api-operations';
import { demoCoupons } from '../sandbox/seed';
import type { FoundOperation, SpecRouter } from '../sandbox/spec';
import { demo } from './contract';

export interface ProbeTargets {
  simId: string;
  imsi: string;
  groupId: string;
  /** A SAM user of the demo operator that the request acts on. */
  userName: string;
  userPassword: string;
  roleId: string;
  /** An auth key of `userName`, and one of the root account. */
  userAuthKeyId: string;
  rootAuthKeyId: string;
  /** A shipping address no order goes to, and a quotation (to another address) not confirmed yet. */
  shippingAddressId: string;
  orderId: string;
  /** A credential set and an event handler that exist (a POST creates a set of its own, `<credentialsId>-new`). */
  credentialsId: string;
  handlerId: string;
  /** An email address of the demo operator other than its sign-in address. */
  emailId: string;
  now: number;
}

export interface Probe {
  method: string;
  /** Template as in the operation list, e.g. `/sims/{sim_id}`. */
  template: string;
  /** The concrete path, with its query when the operation needs one. */
  path: string;
  body?: unknown;
}

const day = 86_400_000;

/** A credential set the sandbox accepts (a pre-shared key: one secret field). */
export const probeCredentials = { type: 'psk', credentials: { key: 'probe-pre-shared-key' } };

/** An event handler the sandbox accepts: slow one SIM down after 10 MB a day. */
export const probeHandler = (imsi: string) => ({
  name: 'probe',
  status: 'active',
  targetImsi: imsi,
  ruleConfig: {
    type: 'SubscriberDailyTrafficRule',
    properties: { limitTotalTrafficMegaByte: '10', inactiveTimeoutDateConst: 'BEGINNING_OF_NEXT_DAY' },
  },
  actionConfigList: [
    { type: 'ChangeSpeedClassAction', properties: { executionDateTimeConst: 'IMMEDIATELY', speedClass: 's1.minimum' } },
  ],
});

/** Contact information the sandbox accepts: a company, and a person. */
export const probeCompany = {
  companyName: 'Probe K.K.',
  department: 'Probe',
  contactPersonName: 'Probe',
  countryCode: 'JP',
  zipCode: '100-0001',
  phoneNumber: '03-0000-0000',
};
export const probePerson = { fullName: 'Probe', countryCode: 'JP', zipCode: '100-0001', phoneNumber: '03-0000-0000' };

function pathOf(method: string, template: string, t: ProbeTargets): string {
  const values: Record<string, string> = {
    operator_id: demo.operatorId,
    sim_id: t.simId,
    imsi: t.imsi,
    group_id: t.groupId,
    user_name: t.userName,
    role_id: t.roleId,
    tag_name: 'name',
    namespace: template.startsWith('/operators/') ? 'Email' : 'SoracomAir',
    name: 'useCustomDns',
    yyyyMM: '202512',
    exported_file_id: 'no-such-file',
    coupon_code: demoCoupons.unregistered,
    payment_statement_id: 'PS-202512',
    auth_key_id: template.includes('/users/') ? t.userAuthKeyId : t.rootAuthKeyId,
    shipping_address_id: t.shippingAddressId,
    order_id: t.orderId,
    resource_summary_type: 'simsPerStatus',
    credentials_id: method === 'POST' ? `${t.credentialsId}-new` : t.credentialsId,
    handler_id: t.handlerId,
    email_id: t.emailId,
    type: 'billing',
    contract_name: 'napter',
    coverage_type: 'g',
  };
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No probe value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}

/** Bodies and queries by `METHOD template`; an operation not listed is sent without a body. */
function inputs(t: ProbeTargets): Record<string, { body?: unknown; query?: string }> {
  const seconds = (ms: number) => Math.floor(ms / 1000);
  const statsQuery = `?from=${seconds(t.now - 7 * day)}&to=${seconds(t.now)}&period=day`;
  const emptyPermission = JSON.stringify({ statements: [] });
  const tag = [{ tagName: 'name', tagValue: 'probe' }];
  const address = {
    zipCode: '100-0001',
    state: '東京都',
    city: '千代田区',
    addressLine1: '1-2-3',
    fullName: 'Probe',
    phoneNumber: '03-0000-0000',
  };
  return {
    'POST /operators/{operator_id}/token': { body: {} },
    'POST /operators/{operator_id}/password': {
      body: { currentPassword: demo.password, newPassword: 'probe-passw0rd-2' },
    },
    'PUT /operators/{operator_id}/users/{user_name}/password': {
      body: { currentPassword: t.userPassword, newPassword: 'probe-password-2' },
    },
    'DELETE /operators/{operator_id}/mfa': { body: { password: demo.password } },
    'POST /operators/{operator_id}/mfa/verify': { body: { mfaOTPCode: '123456' } },
    'POST /operators/{operator_id}/users/{user_name}': { body: { description: 'probe' } },
    'PUT /operators/{operator_id}/users/{user_name}': { body: { description: 'probe' } },
    'POST /operators/{operator_id}/users/{user_name}/password': { body: { password: 'probe-password' } },
    'POST /operators/{operator_id}/users/{user_name}/mfa/verify': { body: { mfaOTPCode: '123456' } },
    'PUT /operators/{operator_id}/users/{user_name}/permission': { body: { permission: emptyPermission } },
    'PUT /operators/{operator_id}/users/default_permissions': { body: { permissions: emptyPermission } },
    'POST /operators/{operator_id}/users/{user_name}/roles': { body: { roleId: 'viewer' } },
    'PUT /operators/{operator_id}/users/{user_name}/trust_policy': {
      body: { trustPolicy: JSON.stringify({ statements: [] }) },
    },
    'POST /operators/{operator_id}/roles/{role_id}': { body: { permission: emptyPermission } },
    'PUT /operators/{operator_id}/roles/{role_id}': { body: { permission: emptyPermission, description: 'probe' } },
    'PUT /sims/{sim_id}/tags': { body: tag },
    'PUT /subscribers/{imsi}/tags': { body: tag },
    'PUT /groups/{group_id}/tags': { body: tag },
    'POST /sims/{sim_id}/update_speed_class': { body: { speedClass: 's1.fast' } },
    'POST /subscribers/{imsi}/update_speed_class': { body: { speedClass: 's1.fast' } },
    'POST /sims/{sim_id}/set_imei_lock': { body: { imei: '490154203237518' } },
    'POST /subscribers/{imsi}/set_imei_lock': { body: { imei: '490154203237518' } },
    'POST /sims/{sim_id}/set_expiry_time': { body: { expiryTime: t.now + 30 * day, expiryAction: 'doNothing' } },
    'POST /subscribers/{imsi}/set_expiry_time': { body: { expiryTime: t.now + 30 * day, expiryAction: 'doNothing' } },
    'POST /sims/{sim_id}/send_sms': { body: { encodingType: 2, payload: 'probe' } },
    'POST /subscribers/{imsi}/send_sms': { body: { encodingType: 2, payload: 'probe' } },
    'POST /sims/{sim_id}/register': { body: { registrationSecret: 'no-such-secret' } },
    'POST /sims/{sim_id}/set_group': { body: { groupId: t.groupId } },
    'POST /subscribers/{imsi}/set_group': { body: { groupId: t.groupId } },
    'POST /groups': { body: { tags: { name: 'probe' } } },
    'PUT /groups/{group_id}/configuration/{namespace}': { body: [{ key: 'useCustomDns', value: false }] },
    'POST /payment_statements/payer_information': { body: { companyName: 'Probe Inc.' } },
    'POST /stats/air/operators/{operator_id}/export': {
      body: { from: seconds(t.now - 7 * day), to: seconds(t.now), period: 'day' },
    },
    'POST /stats/beam/operators/{operator_id}/export': {
      body: { from: seconds(t.now - 7 * day), to: seconds(t.now), period: 'day' },
    },
    'GET /stats/air/sims/{sim_id}': { query: statsQuery },
    'GET /stats/air/groups/{group_id}': { query: statsQuery },
    'GET /stats/air/operators/{operator_id}': { query: statsQuery },
    'GET /stats/air/subscribers/{imsi}': { query: statsQuery },
    'GET /stats/beam/subscribers/{imsi}': { query: statsQuery },
    'POST /operators/{operator_id}/shipping_addresses': { body: address },
    'PUT /operators/{operator_id}/shipping_addresses/{shipping_address_id}': { body: address },
    'POST /orders': {
      body: { orderItemList: [{ productCode: '4573326590273', quantity: 1 }], shippingAddressId: t.shippingAddressId },
    },
    'PUT /orders/{order_id}/resource_initial_setting': { body: { simInitialSettings: {} } },
    'GET /query/subscribers/traffic_volume/ranking': { query: `?from=${t.now - 7 * day}&to=${t.now}` },
    'POST /credentials/{credentials_id}': { body: probeCredentials },
    'PUT /credentials/{credentials_id}': { body: probeCredentials },
    'POST /event_handlers': { body: probeHandler(t.imsi) },
    'PUT /event_handlers/{handler_id}': { body: probeHandler(t.imsi) },
    // The account (issue 16)
    'POST /operators/{operator_id}/company_information': { body: probeCompany },
    'PUT /operators/{operator_id}/company_information': { body: probeCompany },
    'POST /operators/{operator_id}/individual_information': { body: probePerson },
    'PUT /operators/{operator_id}/individual_information': { body: probePerson },
    'POST /operators/add_email_token/issue': { body: { email: 'probe-new@example.com', password: demo.password } },
    'POST /operators/{operator_id}/system_notifications/{type}': { body: { emailIdList: [t.emailId] } },
    'POST /operators/{operator_id}/configuration/{namespace}': {
      body: { configuration: { billing: { attachInvoicePdfEnabled: true } } },
    },
    'POST /operators/{operator_id}/contracts': { body: { contractName: 'napter' } },
  };
}

/** Every secured operation of the console's list, with the operation it is in the description. */
export function probes(router: SpecRouter, targets: ProbeTargets): Array<Probe & { found: FoundOperation }> {
  const table = inputs(targets);
  return operations.flatMap((entry) => {
    const [method = '', template = ''] = entry.split(' ');
    const found = router.find(method, pathOf(method, template, targets));
    if (!found.secured) return [];
    const input = table[entry] ?? {};
    return [
      { method, template, path: pathOf(method, template, targets) + (input.query ?? ''), body: input.body, found },
    ];
  });
}
