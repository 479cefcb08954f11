/**
 * The account of an operator beyond sign-in: contact information (company or individual), email addresses, which
 * address gets which system notifications, configuration namespaces and contracts. The sign-in address is one of the
 * email addresses (a trigger on `operators` adds it); the `primary` notification is always that address.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db';

export type ContactKind = 'company' | 'individual';
export type NotificationType = 'primary' | 'recovery' | 'billing' | 'support';
export const notificationTypes: readonly NotificationType[] = ['primary', 'recovery', 'billing', 'support'];

export interface EmailRow {
  operator_id: string;
  email_id: string;
  email: string;
  created_at: number;
  updated_at: number;
}

interface ContactRow {
  kind: ContactKind;
  doc: string;
}

interface NotificationRow {
  type: NotificationType;
  email_ids: string;
  updated_at: number;
}

interface ConfigurationRow {
  doc: string;
  version: number;
}

export interface ContractRow {
  contract_name: string;
  detail: string | null;
  created_at: number;
}

export function accountStore(db: Db) {
  const contactOf = db.prepare<[string], ContactRow>('SELECT kind, doc FROM operator_contacts WHERE operator_id = ?');
  const putContact = db.prepare(
    `INSERT INTO operator_contacts (operator_id, kind, doc, updated_at) VALUES (@operatorId, @kind, @doc, @now)
     ON CONFLICT (operator_id) DO UPDATE SET kind = excluded.kind, doc = excluded.doc, updated_at = excluded.updated_at`,
  );
  const emails = db.prepare<[string], EmailRow>(
    'SELECT * FROM operator_emails WHERE operator_id = ? ORDER BY created_at, email_id',
  );
  const emailById = db.prepare<[string, string], EmailRow>(
    'SELECT * FROM operator_emails WHERE operator_id = ? AND email_id = ?',
  );
  const emailByAddress = db.prepare<[string, string], EmailRow>(
    'SELECT * FROM operator_emails WHERE operator_id = ? AND email = ?',
  );
  const insertEmail = db.prepare(
    `INSERT INTO operator_emails (operator_id, email_id, email, created_at, updated_at)
     VALUES (@operatorId, @emailId, @email, @now, @now)`,
  );
  const deleteEmail = db.prepare('DELETE FROM operator_emails WHERE operator_id = ? AND email_id = ?');
  const notifications = db.prepare<[string], NotificationRow>(
    'SELECT type, email_ids, updated_at FROM system_notifications WHERE operator_id = ?',
  );
  const putNotification = db.prepare(
    `INSERT INTO system_notifications (operator_id, type, email_ids, updated_at) VALUES (@operatorId, @type, @ids, @now)
     ON CONFLICT (operator_id, type) DO UPDATE SET email_ids = excluded.email_ids, updated_at = excluded.updated_at`,
  );
  const deleteNotification = db.prepare('DELETE FROM system_notifications WHERE operator_id = ? AND type = ?');
  const setSignInEmail = db.prepare('UPDATE operators SET email = ?, updated_at = ? WHERE operator_id = ?');
  const configuration = db.prepare<[string, string], ConfigurationRow>(
    'SELECT doc, version FROM operator_configuration WHERE operator_id = ? AND namespace = ?',
  );
  const putConfiguration = db.prepare(
    `INSERT INTO operator_configuration (operator_id, namespace, doc, version) VALUES (@operatorId, @namespace, @doc, 1)
     ON CONFLICT (operator_id, namespace) DO UPDATE SET doc = excluded.doc, version = version + 1`,
  );
  const deleteConfiguration = db.prepare('DELETE FROM operator_configuration WHERE operator_id = ? AND namespace = ?');
  const contracts = db.prepare<[string], ContractRow>(
    'SELECT contract_name, detail, created_at FROM operator_contracts WHERE operator_id = ? ORDER BY contract_name',
  );
  const putContract = db.prepare(
    `INSERT INTO operator_contracts (operator_id, contract_name, detail, created_at)
     VALUES (@operatorId, @name, @detail, @now)
     ON CONFLICT (operator_id, contract_name) DO UPDATE SET detail = excluded.detail`,
  );
  const deleteContract = db.prepare('DELETE FROM operator_contracts WHERE operator_id = ? AND contract_name = ?');
  const startPeriod = db.prepare(
    'INSERT OR IGNORE INTO contract_periods (operator_id, contract_name, started_at) VALUES (?, ?, ?)',
  );
  const endPeriod = db.prepare(
    'UPDATE contract_periods SET ended_at = ? WHERE operator_id = ? AND contract_name = ? AND ended_at IS NULL',
  );
  const coverages = db.prepare<[string], { coverage_type: string }>(
    'SELECT coverage_type FROM operator_coverages WHERE operator_id = ? ORDER BY created_at, coverage_type',
  );
  const addCoverage = db.prepare(
    'INSERT OR IGNORE INTO operator_coverages (operator_id, coverage_type, created_at) VALUES (?, ?, ?)',
  );
  const partitionsOf = db.prepare<[string], { operator_id: string }>(
    'SELECT operator_id FROM operators WHERE account_of = ?',
  );
  const owners = db.prepare<[], { operator_id: string; account_of: string | null }>(
    'SELECT operator_id, account_of FROM operators ORDER BY operator_id',
  );
  const billMailed = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const setBillMailed = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const tablesWithOperator = db.prepare<[], { name: string }>(
    `SELECT m.name FROM sqlite_master m WHERE m.type = 'table'
       AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'operator_id')`,
  );

  /** The ids of a stored list, without the ones no longer there. */
  const listOf = (row: NotificationRow | undefined): string[] => (row ? (JSON.parse(row.email_ids) as string[]) : []);

  const store = {
    contact(operatorId: string): { kind: ContactKind; doc: Record<string, string> } | undefined {
      const row = contactOf.get(operatorId);
      return row ? { kind: row.kind, doc: JSON.parse(row.doc) as Record<string, string> } : undefined;
    },
    putContact(operatorId: string, kind: ContactKind, doc: Record<string, string>, now: number): void {
      putContact.run({ operatorId, kind, doc: JSON.stringify(doc), now });
    },

    emails: (operatorId: string) => emails.all(operatorId),
    email: (operatorId: string, emailId: string) => emailById.get(operatorId, emailId),
    emailByAddress: (operatorId: string, email: string) => emailByAddress.get(operatorId, email),
    addEmail(operatorId: string, email: string, now: number): EmailRow {
      const emailId = `em-${randomBytes(8).toString('hex')}`;
      insertEmail.run({ operatorId, emailId, email, now });
      return emailById.get(operatorId, emailId) as EmailRow;
    },
    /** Deletes the address and takes it off every notification list. */
    deleteEmail(operatorId: string, emailId: string, now: number): void {
      for (const row of notifications.all(operatorId)) {
        const ids = listOf(row);
        if (ids.includes(emailId)) {
          const rest = ids.filter((id) => id !== emailId);
          if (rest.length === 0) deleteNotification.run(operatorId, row.type);
          else putNotification.run({ operatorId, type: row.type, ids: JSON.stringify(rest), now });
        }
      }
      deleteEmail.run(operatorId, emailId);
    },

    /** The addresses (ids) each notification type goes to, `primary` being the sign-in address. */
    notifications(
      operatorId: string,
      signInEmail: string,
    ): Array<{ type: NotificationType; ids: string[]; at: number }> {
      const rows = new Map(notifications.all(operatorId).map((row) => [row.type, row]));
      const primary = emailByAddress.get(operatorId, signInEmail);
      return notificationTypes.map((type) =>
        type === 'primary'
          ? { type, ids: primary ? [primary.email_id] : [], at: primary?.updated_at ?? 0 }
          : { type, ids: listOf(rows.get(type)), at: rows.get(type)?.updated_at ?? 0 },
      );
    },
    setNotification(operatorId: string, type: Exclude<NotificationType, 'primary'>, ids: string[], now: number): void {
      if (ids.length === 0) deleteNotification.run(operatorId, type);
      else putNotification.run({ operatorId, type, ids: JSON.stringify(ids), now });
    },
    deleteNotification: (operatorId: string, type: NotificationType) => deleteNotification.run(operatorId, type),
    /** The primary notification is the sign-in address: setting it changes the address the operator signs in with. */
    setSignInEmail: (operatorId: string, email: string, now: number) => setSignInEmail.run(email, now, operatorId),
    /** The addresses a mail of `type` goes to: the sign-in address and those set for the type, once each. */
    recipients(operatorId: string, signInEmail: string, type: Exclude<NotificationType, 'primary'>): string[] {
      const ids = listOf(notifications.all(operatorId).find((row) => row.type === type));
      const extra = ids.flatMap((id) => emailById.get(operatorId, id)?.email ?? []);
      const all = [signInEmail, ...extra];
      return all.filter((email, i) => all.findIndex((e) => e.toLowerCase() === email.toLowerCase()) === i);
    },

    configuration(
      operatorId: string,
      namespace: string,
    ): { doc: Record<string, unknown>; version: number } | undefined {
      const row = configuration.get(operatorId, namespace);
      return row ? { doc: JSON.parse(row.doc) as Record<string, unknown>, version: row.version } : undefined;
    },
    putConfiguration(operatorId: string, namespace: string, doc: Record<string, unknown>): void {
      putConfiguration.run({ operatorId, namespace, doc: JSON.stringify(doc) });
    },
    deleteConfiguration: (operatorId: string, namespace: string) =>
      deleteConfiguration.run(operatorId, namespace).changes > 0,

    contracts: (operatorId: string) => contracts.all(operatorId),
    /** Adds or changes a contract; a new one starts a period the bills charge (store/billing.ts). */
    putContract(operatorId: string, name: string, detail: Record<string, unknown> | null, now: number): void {
      const isNew = !contracts.all(operatorId).some((row) => row.contract_name === name);
      putContract.run({ operatorId, name, detail: detail === null ? null : JSON.stringify(detail), now });
      if (isNew) startPeriod.run(operatorId, name, now);
    },
    /** Ends the contract and its charged period; false when the operator did not have it. */
    deleteContract(operatorId: string, name: string, now: number): boolean {
      if (deleteContract.run(operatorId, name).changes === 0) return false;
      endPeriod.run(now, operatorId, name);
      return true;
    },

    /** The coverage types added to the operator (Japan, which every operator has, is not stored). */
    coverages: (operatorId: string) => coverages.all(operatorId).map((row) => row.coverage_type),
    /** False when the operator had it already. */
    addCoverage: (operatorId: string, coverageType: string, now: number) =>
      addCoverage.run(operatorId, coverageType, now).changes > 0,

    /** Every owner of data (operators and their coverage partitions), with the operator a partition belongs to. */
    owners: () =>
      owners.all().map((row) => ({ ownerId: row.operator_id, operatorId: row.account_of ?? row.operator_id })),
    /** The last month whose bill was mailed for `ownerId` (billingMail.ts), as `yyyyMM`. */
    billMailed: (ownerId: string): string | undefined => billMailed.get(`billMailed:${ownerId}`)?.value,
    setBillMailed: (ownerId: string, yearMonth: string) => setBillMailed.run(`billMailed:${ownerId}`, yearMonth),

    /** Every row of the operator in every table: the operator is gone as if it never signed up. */
    deleteOperator(operatorId: string): void {
      db.pragma('defer_foreign_keys = ON');
      // Its coverage partitions (coverage.ts) first, with everything they own.
      const ownIds = [...partitionsOf.all(operatorId).map((row) => row.operator_id), operatorId];
      for (const owner of ownIds) {
        for (const { name } of tablesWithOperator.all()) {
          if (name !== 'operators') db.prepare(`DELETE FROM "${name}" WHERE operator_id = ?`).run(owner);
        }
        db.prepare('DELETE FROM operators WHERE operator_id = ?').run(owner);
        db.prepare('DELETE FROM meta WHERE key = ?').run(`billMailed:${owner}`);
      }
    },
  };
  return store;
}
export type AccountStore = ReturnType<typeof accountStore>;
