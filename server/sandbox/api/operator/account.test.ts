/**
 * The account (issue 16): contact information, email addresses added by mail, system notifications and where the
 * recovery mails go, operator configuration, contracts, the support token and deleting a sandbox operator. Every
 * answer goes through the answer contract check of the test sandbox.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type CallOptions,
  type CallResult,
  type ContractSandbox,
  type Credentials,
  createContractSandbox,
  demo,
} from '../../../test/contract';
import { samLogin } from '../../../test/sam';
import { codes } from '../../errors';
import { accountLimits, contractDailyFee } from '../../guesses';

let s: ContractSandbox;
let root: Credentials;
const op = `/operators/${demo.operatorId}`;

beforeEach(async () => {
  s = createContractSandbox({ fleet: 2 });
  root = await s.loginRoot();
});

const call = (method: string, path: string, options: CallOptions = {}): Promise<CallResult> =>
  s.call(method, path, { auth: root, ...options });

const company = {
  companyName: 'Example Devices K.K.',
  department: 'IoT',
  contactPersonName: 'Hanako Example',
  countryCode: 'JP',
  zipCode: '100-0001',
  state: 'Tokyo',
  city: 'Chiyoda',
  addressLine1: '1-2-3',
  phoneNumber: '03-0000-0000',
};

/** Adds `email` through the mailed token; answers the new address's ID. */
async function addEmail(email: string): Promise<string> {
  const issued = await call('POST', '/operators/add_email_token/issue', { body: { email, password: demo.password } });
  expect(issued.status, issued.text).toBe(200);
  const token = s.mailedToken(email, 'addEmail');
  const verified = await s.call('POST', '/operators/add_email_token/verify', { body: { token } });
  expect(verified.status, verified.text).toBe(200);
  const list = await call('GET', `${op}/emails`);
  const found = (list.body as Array<{ email: string; emailId: string }>).find((e) => e.email === email);
  if (!found) throw new Error(`${email} was not added`);
  return found.emailId;
}

describe('contact information', () => {
  it('is created, read back and updated; the other kind replaces it', async () => {
    expect((await call('GET', `${op}/company_information`)).status).toBe(404);
    expect((await call('POST', `${op}/company_information`, { body: company })).status).toBe(201);
    expect((await call('GET', `${op}/company_information`)).body).toEqual(company);
    const updated = { ...company, companyName: 'Renamed K.K.', building: 'Tower 5F' };
    expect((await call('PUT', `${op}/company_information`, { body: updated })).status).toBe(200);
    expect((await call('GET', `${op}/company_information`)).body).toEqual(updated);
    expect((await call('GET', `${op}/individual_information`)).status).toBe(404);

    const person = { fullName: 'Taro Example', countryCode: 'US', zipCode: '94105', phoneNumber: '+1 415 000 0000' };
    expect((await call('POST', `${op}/individual_information`, { body: person })).status).toBe(201);
    expect((await call('GET', `${op}/individual_information`)).body).toEqual(person);
    expect((await call('GET', `${op}/company_information`)).status).toBe(404);
  });

  it('refuses a second create, an update of what is not there, and bad fields, with the field named', async () => {
    expect((await call('PUT', `${op}/company_information`, { body: company })).status).toBe(404);
    await call('POST', `${op}/company_information`, { body: company });
    const again = await call('POST', `${op}/company_information`, { body: company });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe(codes.alreadyExists);
    for (const [body, field] of [
      [{ ...company, department: '   ' }, 'department'],
      [{ ...company, countryCode: 'japan' }, 'countryCode'],
      [{ ...company, phoneNumber: 'call me' }, 'phoneNumber'],
      [{ ...company, vatIdentificationNumber: 'DE123' }, 'vatIdentificationNumber'],
      [{ ...company, city: 'x'.repeat(201) }, 'city'],
    ] as const) {
      const res = await call('PUT', `${op}/company_information`, { body });
      expect(res.status, field).toBe(400);
      expect(res.body.message).toContain(`'${field}'`);
    }
    const missing = await call('PUT', `${op}/company_information`, { body: { companyName: 'x' } });
    expect(missing.status).toBe(400);
    const abroad = { ...company, countryCode: 'DE', vatIdentificationNumber: 'DE123456789' };
    expect((await call('PUT', `${op}/company_information`, { body: abroad })).status).toBe(200);
  });
});

describe('email addresses', () => {
  it('lists the sign-in address, adds one through the mailed single-use token, and deletes it', async () => {
    const first = await call('GET', `${op}/emails`);
    expect(first.body).toEqual([expect.objectContaining({ email: demo.email, verified: true })]);
    const emailId = await addEmail('billing@example.com');
    const [mail] = s.mailbox('billing@example.com');
    expect(mail?.link).toMatch(/^\/account\/emails\?token=/);
    expect((await call('GET', `${op}/emails/${emailId}`)).body).toMatchObject({ email: 'billing@example.com' });

    const token = s.mailedToken('billing@example.com', 'addEmail');
    const reused = await s.call('POST', '/operators/add_email_token/verify', { body: { token } });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe(codes.tokenInvalid);

    expect((await call('DELETE', `${op}/emails/${emailId}`)).status).toBe(204);
    expect((await call('GET', `${op}/emails/${emailId}`)).status).toBe(404);
  });

  it('refuses a wrong password, an address it has, the primary address, and more than the limit', async () => {
    const wrong = await call('POST', '/operators/add_email_token/issue', {
      body: { email: 'new@example.com', password: 'not-the-password-1' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe(codes.authFailed);
    expect(s.mailbox('new@example.com')).toEqual([]);
    const dup = await call('POST', '/operators/add_email_token/issue', {
      body: { email: demo.email, password: demo.password },
    });
    expect(dup.body.code).toBe(codes.alreadyExists);

    const [primary] = (await call('GET', `${op}/emails`)).body as Array<{ emailId: string }>;
    const del = await call('DELETE', `${op}/emails/${primary?.emailId}`);
    expect(del.status).toBe(400);
    expect(del.body.message).toMatch(/primary/);

    for (let i = 1; i < accountLimits.emails; i++) await addEmail(`extra${i}@example.com`);
    const over = await call('POST', '/operators/add_email_token/issue', {
      body: { email: 'one-more@example.com', password: demo.password },
    });
    expect(over.status).toBe(400);
  });

  it('is refused to a SAM user, even one allowed everything', async () => {
    await call('PUT', `${op}/users/${demo.userName}/permission`, {
      body: { permission: JSON.stringify({ statements: [{ effect: 'allow', api: '*' }] }) },
    });
    const sam = await samLogin(s);
    const res = await s.call('GET', `${op}/emails`, { auth: sam });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe(codes.forbidden);
  });
});

describe('system notifications', () => {
  it('lists every type, sets billing and recovery, and sends recovery mails to the recovery address', async () => {
    const emailId = await addEmail('ops@example.com');
    const list = await call('GET', `${op}/system_notifications`);
    expect(list.body.map((n: { type: string }) => n.type)).toEqual(['primary', 'recovery', 'billing', 'support']);
    expect(list.body[2].emailIdList).toEqual([]);

    const billing = await call('POST', `${op}/system_notifications/billing`, { body: { emailIdList: [emailId] } });
    expect(billing.status, billing.text).toBe(200);
    expect(billing.body).toMatchObject({ type: 'billing', emailIdList: [emailId] });
    expect((await call('GET', `${op}/system_notifications/billing`)).body.emailIdList).toEqual([emailId]);

    await call('POST', `${op}/system_notifications/recovery`, { body: { emailIdList: [emailId] } });
    await s.call('POST', '/auth/password_reset_token/issue', { body: { email: demo.email } });
    expect(s.mailbox('ops@example.com').map((m) => m.kind)).toContain('passwordReset');
    expect(s.mailbox(demo.email).map((m) => m.kind)).toContain('passwordReset');

    expect((await call('DELETE', `${op}/system_notifications/recovery`)).status).toBe(204);
    expect((await call('GET', `${op}/system_notifications/recovery`)).body.emailIdList).toEqual([]);
    // Deleting an address takes it off the notifications it was on.
    await call('DELETE', `${op}/emails/${emailId}`);
    expect((await call('GET', `${op}/system_notifications/billing`)).body.emailIdList).toEqual([]);
  });

  it('changes the primary address with the password only, and refuses unknown addresses', async () => {
    const emailId = await addEmail('owner@example.com');
    const noPassword = await call('POST', `${op}/system_notifications/primary`, { body: { emailIdList: [emailId] } });
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.code).toBe(codes.authFailed);
    const unknown = await call('POST', `${op}/system_notifications/billing`, { body: { emailIdList: ['em-nope'] } });
    expect(unknown.status).toBe(400);
    const set = await call('POST', `${op}/system_notifications/primary`, {
      body: { emailIdList: [emailId], password: demo.password },
    });
    expect(set.status, set.text).toBe(200);
    expect((await call('GET', op)).body.email).toBe('owner@example.com');
    const login = await s.call('POST', '/auth', { body: { email: 'owner@example.com', password: demo.password } });
    expect(login.status).toBe(200);
  });
});

describe('operator configuration', () => {
  it('keeps the Email namespace with versions, refuses a stale version and bad settings', async () => {
    expect((await call('GET', `${op}/configuration/Email`)).status).toBe(404);
    const configuration = { billing: { attachInvoicePdfEnabled: true }, notification: { exceedBundleDisabled: false } };
    const set = await call('POST', `${op}/configuration/Email`, { body: { configuration } });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toEqual({ namespace: 'Email', configuration, isModifiable: true, version: 1 });
    const stale = await call('POST', `${op}/configuration/Email`, { body: { configuration, expectedVersion: 0 } });
    expect(stale.status).toBe(409);
    const next = await call('POST', `${op}/configuration/Email`, { body: { configuration, expectedVersion: 1 } });
    expect(next.body.version).toBe(2);
    const bad = await call('POST', `${op}/configuration/Email`, { body: { configuration: { billing: { x: 1 } } } });
    expect(bad.status).toBe(400);
    expect((await call('POST', `${op}/configuration/Other`, { body: { configuration } })).status).toBe(400);
    expect((await call('DELETE', `${op}/configuration/Email`)).status).toBe(204);
    expect((await call('DELETE', `${op}/configuration/Email`)).status).toBe(404);
  });

  it('answers the Support namespace from the support contract and does not let it be set', async () => {
    expect((await call('GET', `${op}/configuration/Support`)).body.configuration.tier).toBe('basic');
    await call('POST', `${op}/contracts`, { body: { contractName: 'support', contractDetail: { tier: 'priority' } } });
    const support = await call('GET', `${op}/configuration/Support`);
    expect(support.body).toMatchObject({ isModifiable: false, configuration: { tier: 'priority' } });
    const set = await call('POST', `${op}/configuration/Support`, { body: { configuration: { tier: 'basic' } } });
    expect(set.status).toBe(400);
  });
});

describe('contracts', () => {
  it('adds and deletes contracts, shown in the operator’s answer', async () => {
    const harvest = await call('POST', `${op}/contracts`, {
      body: { contractName: 'harvest', contractDetail: { plan: 'extended', ttl: 731 } },
    });
    expect(harvest.status, harvest.text).toBe(200);
    expect(harvest.body).toEqual({ contractName: 'harvest', contractDetail: { plan: 'extended', ttl: 731 } });
    await call('POST', `${op}/contracts`, { body: { contractName: 'napter' } });
    const operator = await call('GET', op);
    expect(operator.body.contracts).toEqual(['harvest', 'napter']);
    expect(operator.body.contractDetail).toEqual({ harvest: { plan: 'extended', ttl: 731 } });
    expect((await call('DELETE', `${op}/contracts/napter`)).status).toBe(204);
    expect((await call('GET', op)).body.contracts).toEqual(['harvest']);
  });

  it('charges each day a contract is on as its own bill item, also after it is turned off', async () => {
    // This month's bill items, newest month first.
    const item = async () => {
      const summary = await call('GET', '/bills/summaries/bill_items');
      expect(summary.status, summary.text).toBe(200);
      return (summary.body[0].costBreakdownList ?? []).find(
        (i: { billItemName: string }) => i.billItemName === 'contractChargeTotal',
      );
    };
    expect(await item()).toBeUndefined();
    await call('POST', `${op}/contracts`, { body: { contractName: 'napter' } });
    const fee = contractDailyFee.napter ?? 0;
    // The month so far: the day it was added (2026-01-15), then two more.
    expect(await item()).toMatchObject({ amount: fee });
    s.clock.advance(2 * 86_400_000);
    root = await s.loginRoot();
    expect(await item()).toMatchObject({ amount: 3 * fee });
    await call('DELETE', `${op}/contracts/napter`);
    expect(await item()).toMatchObject({ amount: 2 * fee });
    // Its line has no SIM; the days of the month add up to the bill as before.
    const daily = await call('GET', '/bills/202601/daily');
    const bill = await call('GET', '/bills/202601');
    const days = (daily.body.billList as Array<{ amount: number }>).reduce((n, d) => n + d.amount, 0);
    expect(days).toBe(bill.body.amount);
  });

  it('refuses an unknown contract, a detail that does not fit, and deleting one it does not have', async () => {
    const unknown = await call('POST', `${op}/contracts`, { body: { contractName: 'moon' } });
    expect(unknown.status).toBe(400);
    expect((await call('DELETE', `${op}/contracts/moon`)).status).toBe(400);
    const ttl = await call('POST', `${op}/contracts`, {
      body: { contractName: 'harvest', contractDetail: { plan: 'extended', ttl: 30 } },
    });
    expect(ttl.status).toBe(400);
    const detail = await call('POST', `${op}/contracts`, {
      body: { contractName: 'napter', contractDetail: { tier: 'priority' } },
    });
    expect(detail.status).toBe(400);
    expect((await call('DELETE', `${op}/contracts/harvest`)).status).toBe(404);
  });
});

describe('coverage types', () => {
  it('starts with Japan, adds Global once, and refuses it again or an unknown type', async () => {
    expect((await call('GET', op)).body.coverageTypes).toEqual(['jp']);
    expect((await call('POST', `${op}/coverage_type/g`)).status).toBe(201);
    expect((await call('GET', op)).body.coverageTypes).toEqual(['jp', 'g']);
    const again = await call('POST', `${op}/coverage_type/g`);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe(codes.alreadyExists);
    expect((await call('POST', `${op}/coverage_type/jp`)).body.code).toBe(codes.alreadyExists);
    expect((await call('POST', `${op}/coverage_type/moon`)).status).toBe(400);
  });
});

describe('support token and deleting a sandbox operator', () => {
  it('answers a new token each time', async () => {
    const a = await call('POST', `${op}/support/token`);
    const b = await call('POST', `${op}/support/token`);
    expect(a.status).toBe(200);
    expect(a.body.token).toMatch(/^support-/);
    expect(b.body.token).not.toBe(a.body.token);
  });

  it('deletes the caller’s own operator with everything it has, and nobody else’s', async () => {
    const other = await s.newOperator();
    const refused = await call('DELETE', `/sandbox/operators/${other.operatorId}`);
    expect(refused.status).toBe(403);
    await s.call('POST', `/operators/${other.operatorId}/company_information`, { auth: other, body: company });
    const deleted = await s.call('DELETE', `/sandbox/operators/${other.operatorId}`, { auth: other });
    expect(deleted.status, deleted.text).toBe(200);
    const login = await s.call('POST', '/auth', { body: { email: other.email, password: other.password } });
    expect(login.status).toBe(401);
    const left = s.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM operator_contacts WHERE operator_id = ?')
      .get(other.operatorId);
    expect(left?.n).toBe(0);
    // Its API keys went with it.
    const gone = await s.call('DELETE', `/sandbox/operators/${other.operatorId}`, { auth: other });
    expect(gone.status).toBe(401);
    expect((await call('GET', op)).status).toBe(200);
  });
});
