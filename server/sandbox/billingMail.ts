/**
 * The bill mail (guesses: the account, `billMail`): once a month is closed, the sandbox mails its bill to the
 * account's sign-in address and to the addresses set for `billing` notifications, once per coverage and month. The
 * server checks every minute (and once soon after it starts); a month closes when its bill is first read or here.
 */
import type { Stores } from './context';
import { createStores } from './context';
import { coverageOfOwner } from './coverage';
import type { Db } from './db';

/** Mails the newest closed bill of every owner that has not had it yet; answers how many mails were sent. */
export function mailClosedBills(stores: Stores, now: number, log: (line: string) => void = () => {}): number {
  let sent = 0;
  for (const { ownerId, operatorId } of stores.account.owners()) {
    const operator = stores.operators.get(operatorId);
    if (!operator) continue;
    const [bill] = stores.billing.history(ownerId, now);
    // A coverage with nothing billed that month (a Global coverage without SIMs) gets no mail.
    if (!bill || bill.items.length === 0) continue;
    const mailed = stores.account.billMailed(ownerId);
    if (mailed !== undefined && mailed >= bill.yearMonth) continue;
    const month = `${bill.yearMonth.slice(0, 4)}-${bill.yearMonth.slice(4)}`;
    const coverage = coverageOfOwner(ownerId) === 'g' ? 'Global coverage' : 'Japan coverage';
    const amount = `${bill.amount.toLocaleString('en-US')} ${bill.currency}`;
    const subject = `Your SORACOM bill for ${month} (${coverage}): ${amount}`;
    for (const to of stores.account.recipients(operatorId, operator.email, 'billing')) {
      stores.mailbox.add({ to, kind: 'billing', subject, link: `/billing/${bill.yearMonth}`, token: null }, now);
      log(`mail to ${to}: ${subject}`);
      sent += 1;
    }
    stores.account.setBillMailed(ownerId, bill.yearMonth);
  }
  return sent;
}

/** Runs `mailClosedBills` a few seconds after start and then every minute; answers a function that stops it. */
export function startBillingMailer(db: Db, options: { log?: (line: string) => void } = {}): () => void {
  const stores = createStores(db);
  const run = () => {
    try {
      mailClosedBills(stores, Date.now(), options.log);
    } catch (error) {
      options.log?.(`billing mailer: ${(error as Error).message}`);
    }
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
