/** The sandbox's local mailbox: every mail it "sends" is kept here (and printed to the server log). */
import type { Db } from '../db';
import type { OneTimeTokenKind } from './oneTimeTokens';

/**
 * A mail carrying a one-time token's link, an event handler's notice (server/sandbox/eventRunner.ts) or a closed
 * month's bill (server/sandbox/billingMail.ts).
 */
export type MailKind = OneTimeTokenKind | 'eventHandler' | 'billing';

export interface MailRow {
  mail_id: number;
  recipient: string;
  kind: MailKind;
  subject: string;
  /** A console path such as `/verify?token=…`; null for a notice. */
  link: string | null;
  token: string | null;
  created_at: number;
}

export interface Mail {
  to: string;
  kind: MailKind;
  subject: string;
  link: string | null;
  /** Epoch milliseconds. */
  createdAt: number;
}

/** The newest mails listed at most; older ones stay in the database. */
export const mailboxListLimit = 1000;

export function mailboxStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO mailbox (recipient, kind, subject, link, token, created_at)
     VALUES (@to, @kind, @subject, @link, @token, @now)`,
  );
  const all = db.prepare<[number], MailRow>('SELECT * FROM mailbox ORDER BY mail_id DESC LIMIT ?');
  const to = db.prepare<[string, number], MailRow>(
    'SELECT * FROM mailbox WHERE recipient = ? ORDER BY mail_id DESC LIMIT ?',
  );
  const withTokens = db.prepare<[string, string], MailRow>(
    'SELECT * FROM mailbox WHERE recipient = ? AND kind = ? AND token IS NOT NULL ORDER BY mail_id DESC',
  );

  return {
    add(mail: { to: string; kind: MailKind; subject: string; link: string | null; token: string | null }, now: number) {
      insert.run({ ...mail, now });
    },
    /** Newest first; every recipient's when no email is given (case does not matter). */
    list(email?: string): Mail[] {
      const rows = email === undefined ? all.all(mailboxListLimit) : to.all(email, mailboxListLimit);
      return rows.map((r) => ({
        to: r.recipient,
        kind: r.kind,
        subject: r.subject,
        link: r.link,
        createdAt: r.created_at,
      }));
    },
    /** Raw tokens mailed to `email` for `kind`, newest first. */
    tokens(email: string, kind: OneTimeTokenKind): string[] {
      return withTokens.all(email, kind).flatMap((r) => (r.token ? [r.token] : []));
    },
  };
}
export type MailboxStore = ReturnType<typeof mailboxStore>;
