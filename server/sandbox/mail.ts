/** Mail the sandbox "sends": kept in the local mailbox and printed to the server log, with a link into the console. */
import type { MailboxStore } from './store/mailbox';
import type { OneTimeTokenKind } from './store/oneTimeTokens';

/** The console page each kind of token is for; the token goes in `?token=`. */
export const consolePaths: Record<OneTimeTokenKind, string> = {
  signup: '/verify',
  passwordReset: '/password-reset',
  mfaRevoke: '/mfa-revoke',
  addEmail: '/account/emails',
};

export interface OutgoingMail {
  to: string;
  kind: OneTimeTokenKind;
  subject: string;
  /** The one-time token the mail carries; null for a notice without a link. */
  token: string | null;
}

export type Mailer = (mail: OutgoingMail, now: number) => void;

export function createMailer(mailbox: MailboxStore, publicUrl: string, log: (line: string) => void): Mailer {
  const base = publicUrl.replace(/\/+$/, '');
  return (mail, now) => {
    const link = mail.token === null ? null : `${consolePaths[mail.kind]}?token=${encodeURIComponent(mail.token)}`;
    mailbox.add({ to: mail.to, kind: mail.kind, subject: mail.subject, link, token: mail.token }, now);
    log(`mail to ${mail.to}: ${mail.subject}${link === null ? '' : `: ${base}${link}`}`);
  };
}
