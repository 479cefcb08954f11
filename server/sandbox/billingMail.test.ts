/** The bill mail (billingMail.ts): once per closed month and coverage, to the sign-in and billing addresses. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../test/contract';
import { mailClosedBills } from './billingMail';
import { createStores } from './context';

let s: ContractSandbox;
let root: Credentials;
const op = `/operators/${demo.operatorId}`;
const billMails = (email: string) => s.mailbox(email).filter((m) => m.kind === 'billing');

beforeEach(async () => {
  // 2026-01-15: the demo account's first month is January.
  s = createContractSandbox({ fleet: 3 });
  root = await s.loginRoot();
});

async function addBillingAddress(email: string) {
  const call = (method: string, path: string, body?: unknown) => s.call(method, path, { auth: root, body });
  expect((await call('POST', '/operators/add_email_token/issue', { email, password: demo.password })).status).toBe(200);
  const verified = await s.call('POST', '/operators/add_email_token/verify', {
    body: { token: s.mailedToken(email, 'addEmail') },
  });
  expect(verified.status).toBe(200);
  const emails = (await call('GET', `${op}/emails`)).body as Array<{ email: string; emailId: string }>;
  const emailId = emails.find((e) => e.email === email)?.emailId;
  expect((await call('POST', `${op}/system_notifications/billing`, { emailIdList: [emailId] })).status).toBe(200);
}

describe('the bill mail', () => {
  it('waits for a month to close, then goes once to the sign-in and billing addresses', async () => {
    await addBillingAddress('accounts@example.com');
    const stores = createStores(s.db);
    // The demo account has months behind it: the newest closed one (2025-12) is mailed, the older ones are not.
    expect(mailClosedBills(stores, s.clock.now)).toBe(2);
    expect(billMails('accounts@example.com').map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Your SORACOM bill for 2025-12 \(Japan coverage\): [\d,]+ JPY$/),
    ]);
    expect(mailClosedBills(stores, s.clock.now)).toBe(0);

    s.clock.advance(20 * 86_400_000); // 2026-02-04: January is closed.
    expect(mailClosedBills(stores, s.clock.now)).toBe(2);
    for (const to of [demo.email, 'accounts@example.com']) {
      const [mail] = billMails(to);
      expect(mail?.subject).toMatch(/^Your SORACOM bill for 2026-01 \(Japan coverage\): [\d,]+ JPY$/);
      expect(mail?.link).toBe('/billing/202601');
    }
    expect(mailClosedBills(stores, s.clock.now)).toBe(0);
  });

  it('mails a Global coverage bill on its own, and none for a coverage with nothing billed', async () => {
    expect((await s.call('POST', `${op}/coverage_type/g`, { auth: root })).status).toBe(201);
    const made = await s.call('POST', '/sandbox/subscribers/create', { auth: root, coverage: 'g', body: {} });
    const { sim_id: simId } = s.db.prepare('SELECT sim_id FROM sims WHERE imsi = ?').get(made.body.imsi) as {
      sim_id: string;
    };
    const registered = await s.call('POST', `/sims/${simId}/register`, {
      auth: root,
      coverage: 'g',
      body: { registrationSecret: made.body.registrationSecret },
    });
    expect(registered.status).toBe(201);
    expect((await s.call('POST', `/sims/${simId}/activate`, { auth: root, coverage: 'g' })).status).toBe(200);

    const empty = await s.newOperator();
    const emptyAuth = { apiKey: empty.apiKey, token: empty.token };
    expect((await s.call('POST', `/operators/${empty.operatorId}/coverage_type/g`, { auth: emptyAuth })).status).toBe(
      201,
    );
    expect((await s.call('GET', '/sims', { auth: emptyAuth, coverage: 'g' })).status).toBe(200);

    s.clock.advance(20 * 86_400_000);
    mailClosedBills(createStores(s.db), s.clock.now);
    expect(billMails(empty.email)).toEqual([]);
    const subjects = billMails(demo.email).map((m) => m.subject);
    expect(subjects.filter((x) => x.includes('Japan coverage'))).toHaveLength(1);
    expect(subjects.filter((x) => x.includes('Global coverage'))).toHaveLength(1);
  });
});
