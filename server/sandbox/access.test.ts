/**
 * Permissions on every secured operation the console uses (scripts/api-operations.ts), one real request each
 * (test/operationFixtures.ts), each in a fresh copy of one seeded sandbox:
 * - a SAM user without permission is refused with 403 and nothing in the database changes; the root account is not;
 * - a user whose role allows exactly that operation gets what the root account gets;
 * - a deny in a role wins over the user's own `*`, and nothing changes;
 * - the operator's default permissions (`Service:*`) allow it to a user with nothing of its own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type CallResult, type ContractSandbox, type Credentials, createContractSandbox, demo } from '../test/contract';
import { probeCompany, probeCredentials, probeHandler, probes } from '../test/operationFixtures';
import { permissionText, samLogin } from '../test/sam';
import { createStores } from './context';
import { type Db, openDbImage } from './db';
import { codes } from './errors';
import { rootOnlyOperations, samAlwaysAllowed } from './guesses';
import { SpecRouter } from './spec';
import type { EventHandler } from './store/eventHandlers';

/** Operations only the user themself may call, whoever else is allowed (the root account gets 403 as well). */
const selfOnly = new Set(['enableUserMFA', 'verifyUserMFA']);
const rootOnly = new Set(rootOnlyOperations);
/**
 * Where the one request of the table meets a state the root account is refused for too (a user or role that
 * exists, a SIM that cannot go to standby...): every other operation succeeds for the root account.
 */
const rootGetsAnError = new Set([
  'verifyMFA',
  'createUser',
  'createUserPassword',
  'enableUserMFA',
  'verifyUserMFA',
  'createRole',
  'deleteRole',
  'listRoleVersions',
  'setSimToStandby',
  'terminateSim',
  'deleteSimSession',
  'registerSim',
  'setSubscriberToStandby',
  'terminateSubscriber',
  'deleteSubscriberSession',
  'deleteConfigurationParameter',
  'getExportedFile',
  'registerOrderedSim',
  'createCompanyInformation',
  'getIndividualInformation',
  'updateIndividualInformation',
]);
const alwaysAllowed = new Set(samAlwaysAllowed);

const base = createContractSandbox({ fleet: 5 });
const stores = createStores(base.db);
const sim = base.db
  .prepare<[], { sim_id: string; imsi: string }>("SELECT sim_id, imsi FROM sims WHERE status = 'active' LIMIT 1")
  .get();
if (!sim) throw new Error('the seed has no active SIM');
const targets = {
  simId: sim.sim_id,
  imsi: sim.imsi,
  groupId: '00000000-0000-4000-8000-000000000001',
  userName: 'tester',
  userPassword: 'tester-password',
  roleId: 'probe',
  userAuthKeyId: 'keyId-probe-user',
  rootAuthKeyId: 'keyId-probe-root',
  shippingAddressId: 'probe-address',
  orderId: 'probe-order',
  credentialsId: 'probe-credentials',
  handlerId: 'probe-handler',
  emailId: stores.account.addEmail(demo.operatorId, 'probe-address@example.com', base.clock.now).email_id,
  now: base.clock.now,
};
// The account: company information (so creating it again is refused, and individual information is not there), an
// email configuration and a contract to read and delete.
stores.account.putContact(demo.operatorId, 'company', probeCompany, base.clock.now);
stores.account.putConfiguration(demo.operatorId, 'Email', { billing: { attachInvoicePdfEnabled: false } });
stores.account.putContract(demo.operatorId, 'napter', null, base.clock.now);
stores.users.create(demo.operatorId, targets.userName, 'Permission probe', base.clock.now);
stores.users.setPassword(demo.operatorId, targets.userName, targets.userPassword, base.clock.now);
stores.roles.create(
  { operatorId: demo.operatorId, roleId: 'probe', description: '', permission: '{"statements":[]}' },
  0,
);
stores.roles.attach(demo.operatorId, targets.userName, 'probe', base.clock.now);
stores.tokens.addAuthKey(targets.userAuthKeyId, 'secret-u', demo.operatorId, targets.userName, base.clock.now);
stores.tokens.addAuthKey(targets.rootAuthKeyId, 'secret-r', demo.operatorId, null, base.clock.now);
for (const shippingAddressId of [targets.shippingAddressId, 'probe-order-address']) {
  const address = {
    zipCode: '100-0001',
    state: '東京都',
    city: '千代田区',
    addressLine1: '1',
    phoneNumber: '03-0000-0000',
  };
  stores.orders.createAddress(
    demo.operatorId,
    { ...address, shippingAddressId, shippingArea: 'kanto' },
    base.clock.now,
  );
}
stores.orders.createOrder(
  demo.operatorId,
  {
    orderId: targets.orderId,
    orderItemList: [],
    shippingAddressId: 'probe-order-address',
    totalAmount: 0,
    orderStatus: 'orderProcessing',
  },
  base.clock.now,
);

stores.eventHandlers.create(
  demo.operatorId,
  { ...probeHandler(targets.imsi), handlerId: targets.handlerId } as EventHandler,
  base.clock.now,
);
// Ignoring the probe SIM again is a no-op (POST answers 204 either way); un-ignoring needs it ignored.
stores.eventHandlers.ignore(demo.operatorId, targets.handlerId, targets.imsi, base.clock.now);

const list = probes(new SpecRouter(), targets);

let image: Buffer;
let root: Credentials;
let nobody: Credentials;
let tester: Credentials;
beforeAll(async () => {
  root = await base.loginRoot();
  const credentials = await base.call('POST', `/credentials/${targets.credentialsId}`, {
    auth: root,
    body: probeCredentials,
  });
  expect(credentials.status, credentials.text).toBe(201);
  nobody = await samLogin(base);
  tester = await samLogin(base, targets.userName, targets.userPassword);
  image = base.db.serialize();
});

const fresh = (): ContractSandbox => createContractSandbox({ db: openDbImage(image), seed: false });

/** Every table but the audit log (which records refused calls too), as text. */
function contents(db: Db): string {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'api_audit_log'")
    .all();
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
}

type Probe = (typeof list)[number];
const send = (s: ContractSandbox, probe: Probe, auth: Credentials): Promise<CallResult> =>
  s.call(probe.method, probe.path, { auth, body: probe.body });
const api = (probe: Probe) => `${probe.found.service}:${probe.found.operationId}`;

async function asRoot(s: ContractSandbox, probe: Probe): Promise<number> {
  const res = await send(s, probe, root);
  if (selfOnly.has(probe.found.operationId)) expect(res.status, res.text).toBe(403);
  else if (rootGetsAnError.has(probe.found.operationId)) expect([401, 403]).not.toContain(res.status);
  else expect(res.status, `root: ${res.text}`).toBeLessThan(300);
  return res.status;
}

async function refusedWithoutChange(s: ContractSandbox, probe: Probe, auth: Credentials, what: string) {
  const before = contents(s.db);
  const res = await send(s, probe, auth);
  expect(res.status, `${what}: ${res.text}`).toBe(403);
  expect(res.body.code).toBe(codes.forbidden);
  expect(contents(s.db), `${what} changed the database`).toBe(before);
}

async function setAs(s: ContractSandbox, method: string, path: string, body: unknown) {
  const res = await s.call(method, path, { auth: root, body });
  expect(res.status, res.text).toBeLessThan(300);
}
const operatorPath = `/operators/${demo.operatorId}`;

describe.each(list.map((probe) => [`${probe.method} ${probe.template}`, probe] as const))('%s', (_name, probe) => {
  const { operationId } = probe.found;

  it('is refused to a SAM user without permission, with no change, and not to the root account', async () => {
    const s = fresh();
    if (alwaysAllowed.has(operationId)) {
      expect((await send(s, probe, nobody)).status).not.toBe(403);
      return;
    }
    await refusedWithoutChange(s, probe, nobody, 'a user without permission');
    await asRoot(s, probe);
  });

  it('is allowed by a role that names it, as it is to the root account', async () => {
    const expected = await asRoot(fresh(), probe);
    const s = fresh();
    const allow = permissionText({ effect: 'allow', api: api(probe) });
    await setAs(s, 'PUT', `${operatorPath}/roles/probe`, { permission: allow });
    const res = await send(s, probe, tester);
    if (rootOnly.has(operationId)) expect(res.status).toBe(403);
    else if (selfOnly.has(operationId)) expect(res.status, res.text).not.toBe(403);
    else expect(res.status, res.text).toBe(expected);
  });

  it('is refused when a role denies it, even with `*` of the user’s own, and nothing changes', async () => {
    if (alwaysAllowed.has(operationId)) return;
    const s = fresh();
    await setAs(s, 'PUT', `${operatorPath}/users/${targets.userName}/permission`, {
      permission: permissionText({ effect: 'allow', api: '*' }),
    });
    await setAs(s, 'PUT', `${operatorPath}/roles/probe`, {
      permission: permissionText({ effect: 'deny', api: api(probe) }),
    });
    await refusedWithoutChange(s, probe, tester, 'a denied user');
  });

  it('is allowed by the default permissions (`Service:*`) to a user with nothing of its own', async () => {
    const expected = await asRoot(fresh(), probe);
    const s = fresh();
    await setAs(s, 'PUT', `${operatorPath}/users/default_permissions`, {
      permissions: permissionText({ effect: 'allow', api: `${probe.found.service}:*` }),
    });
    const res = await send(s, probe, nobody);
    if (rootOnly.has(operationId)) expect(res.status).toBe(403);
    else expect(res.status, res.text).toBe(expected);
  });
});
