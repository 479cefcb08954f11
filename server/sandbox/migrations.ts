/** The sandbox's schema, as the migrations that make it (db.ts runs those a database lacks on open). */

/** Schema versions in order; a database at version n gets the migrations after n. Never change a released entry. */
export const migrations: readonly string[] = [
  `CREATE TABLE operators (
     operator_id TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE COLLATE NOCASE,
     password_hash TEXT NOT NULL,
     description TEXT NOT NULL DEFAULT '',
     verified INTEGER NOT NULL DEFAULT 1,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     mfa_status TEXT NOT NULL DEFAULT 'INACTIVE',
     mfa_secret TEXT,
     mfa_last_counter INTEGER NOT NULL DEFAULT 0,
     mfa_backup_codes TEXT NOT NULL DEFAULT '[]'
   );
   CREATE TABLE users (
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     user_name TEXT NOT NULL,
     description TEXT NOT NULL DEFAULT '',
     password_hash TEXT,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (operator_id, user_name)
   );
   CREATE TABLE auth_keys (
     auth_key_id TEXT PRIMARY KEY,
     secret_hash TEXT NOT NULL,
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     user_name TEXT,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE api_keys (
     api_key TEXT PRIMARY KEY,
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     user_name TEXT,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE api_tokens (
     token_hash TEXT PRIMARY KEY,
     api_key TEXT NOT NULL REFERENCES api_keys(api_key) ON DELETE CASCADE,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX api_tokens_by_key ON api_tokens(api_key);
   CREATE TABLE groups (
     group_id TEXT PRIMARY KEY,
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     tags TEXT NOT NULL DEFAULT '{}',
     configuration TEXT NOT NULL DEFAULT '{}',
     created_time INTEGER NOT NULL,
     last_modified_time INTEGER NOT NULL
   );
   CREATE INDEX groups_by_operator ON groups(operator_id, group_id);
   CREATE TABLE sims (
     sim_id TEXT PRIMARY KEY,
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     imsi TEXT NOT NULL UNIQUE,
     msisdn TEXT,
     iccid TEXT,
     name TEXT,
     status TEXT NOT NULL,
     group_id TEXT,
     subscription TEXT,
     session_online INTEGER NOT NULL DEFAULT 0,
     session_updated_at INTEGER,
     registration_secret TEXT,
     doc TEXT NOT NULL
   );
   CREATE INDEX sims_by_operator ON sims(operator_id, sim_id);
   CREATE INDEX sims_by_group ON sims(operator_id, group_id);
   CREATE TABLE air_stats (
     operator_id TEXT NOT NULL,
     sim_id TEXT NOT NULL,
     imsi TEXT NOT NULL,
     unixtime INTEGER NOT NULL,
     upload_bytes INTEGER NOT NULL,
     download_bytes INTEGER NOT NULL,
     upload_packets INTEGER NOT NULL,
     download_packets INTEGER NOT NULL,
     PRIMARY KEY (imsi, unixtime)
   );
   CREATE INDEX air_stats_by_operator ON air_stats(operator_id, unixtime);
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // 2: one-time tokens and the local mailbox; MFA for SAM users; MFA lockout; auth key use.
  `CREATE TABLE one_time_tokens (
     token_hash TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     email TEXT NOT NULL COLLATE NOCASE,
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     user_name TEXT,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     used INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX one_time_tokens_by_account ON one_time_tokens(operator_id, kind);
   CREATE TABLE mailbox (
     mail_id INTEGER PRIMARY KEY AUTOINCREMENT,
     recipient TEXT NOT NULL COLLATE NOCASE,
     kind TEXT NOT NULL,
     subject TEXT NOT NULL,
     link TEXT,
     token TEXT,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX mailbox_by_recipient ON mailbox(recipient, mail_id);
   ALTER TABLE users ADD COLUMN mfa_status TEXT NOT NULL DEFAULT 'INACTIVE';
   ALTER TABLE users ADD COLUMN mfa_secret TEXT;
   ALTER TABLE users ADD COLUMN mfa_last_counter INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE users ADD COLUMN mfa_failures INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE users ADD COLUMN mfa_locked_until INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE operators ADD COLUMN mfa_failures INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE operators ADD COLUMN mfa_locked_until INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE auth_keys ADD COLUMN last_used_at INTEGER;
   CREATE INDEX auth_keys_by_owner ON auth_keys(operator_id, user_name);
   CREATE INDEX api_keys_by_owner ON api_keys(operator_id, user_name);`,
  // 3: the SIMs of a group in SIM ID order, straight from an index (listSubscribersInGroup pages by sim_id); the
  // index it replaces was a prefix of this one.
  `CREATE INDEX sims_by_group_and_id ON sims(operator_id, group_id, sim_id);
   DROP INDEX sims_by_group;`,
  // 4: SIM status history and session events; a narrow search table for /query/sims (kept by the SIM store with the
  // doc); Air stats per speed class (the table is rebuilt: the speed class joins the key, '' = the SIM's own class).
  `CREATE TABLE sim_status_history (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     operator_id TEXT NOT NULL,
     sim_id TEXT NOT NULL,
     time INTEGER NOT NULL,
     doc TEXT NOT NULL
   );
   CREATE INDEX sim_status_history_by_sim ON sim_status_history(sim_id, time, id);
   CREATE TABLE sim_session_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     operator_id TEXT NOT NULL,
     sim_id TEXT NOT NULL,
     time INTEGER NOT NULL,
     doc TEXT NOT NULL
   );
   CREATE INDEX sim_session_events_by_sim ON sim_session_events(sim_id, time, id);
   CREATE TABLE sim_search (
     operator_id TEXT NOT NULL,
     sim_id TEXT NOT NULL,
     name TEXT NOT NULL DEFAULT '',
     group_id TEXT NOT NULL DEFAULT '',
     imsi TEXT NOT NULL DEFAULT '',
     msisdn TEXT NOT NULL DEFAULT '',
     iccid TEXT NOT NULL DEFAULT '',
     serial_number TEXT NOT NULL DEFAULT '',
     tags TEXT NOT NULL DEFAULT '',
     bundles TEXT NOT NULL DEFAULT '',
     status TEXT NOT NULL DEFAULT '',
     session_status TEXT NOT NULL DEFAULT 'OFFLINE',
     subscription TEXT NOT NULL DEFAULT '',
     module_type TEXT NOT NULL DEFAULT '',
     PRIMARY KEY (operator_id, sim_id)
   ) WITHOUT ROWID;
   INSERT INTO sim_search
     SELECT operator_id, sim_id, coalesce(name, ''), coalesce(group_id, ''),
       coalesce((SELECT group_concat(s.key, char(10)) FROM json_each(doc, '$.profiles') p,
         json_each(p.value, '$.subscribers') s), imsi),
       coalesce((SELECT group_concat(json_extract(s.value, '$.msisdn'), char(10)) FROM json_each(doc, '$.profiles') p,
         json_each(p.value, '$.subscribers') s), ''),
       coalesce((SELECT group_concat(p.key, char(10)) FROM json_each(doc, '$.profiles') p), ''),
       coalesce(json_extract(doc, '$.serialNumber'), ''),
       coalesce((SELECT group_concat(t.value, char(10)) FROM json_each(doc, '$.tags') t), ''),
       coalesce((SELECT group_concat(b.value, char(10)) FROM json_each(doc, '$.profiles') p,
         json_each(p.value, '$.subscribers') s, json_each(s.value, '$.bundles') b), ''),
       status, CASE session_online WHEN 1 THEN 'ONLINE' ELSE 'OFFLINE' END,
       coalesce((SELECT group_concat(json_extract(s.value, '$.subscription'), char(10))
         FROM json_each(doc, '$.profiles') p, json_each(p.value, '$.subscribers') s), ''),
       coalesce(json_extract(doc, '$.moduleType'), '')
     FROM sims;
   CREATE TABLE air_stats_v4 (
     operator_id TEXT NOT NULL,
     sim_id TEXT NOT NULL,
     imsi TEXT NOT NULL,
     unixtime INTEGER NOT NULL,
     speed_class TEXT NOT NULL DEFAULT '',
     upload_bytes INTEGER NOT NULL,
     download_bytes INTEGER NOT NULL,
     upload_packets INTEGER NOT NULL,
     download_packets INTEGER NOT NULL,
     PRIMARY KEY (imsi, unixtime, speed_class)
   );
   INSERT INTO air_stats_v4 (operator_id, sim_id, imsi, unixtime, upload_bytes, download_bytes, upload_packets,
       download_packets)
     SELECT operator_id, sim_id, imsi, unixtime, upload_bytes, download_bytes, upload_packets, download_packets
     FROM air_stats;
   DROP TABLE air_stats;
   ALTER TABLE air_stats_v4 RENAME TO air_stats;
   CREATE INDEX air_stats_by_operator ON air_stats(operator_id, unixtime);
   CREATE INDEX air_stats_by_sim ON air_stats(sim_id, unixtime);`,
  // 5: billing. `sim_billing` is a narrow copy of what a SIM's charges depend on, kept by triggers on `sims` (so the
  // bills of a 100,000-SIM fleet never parse SIM documents); closed months are materialised into `bills` and
  // `bill_lines` (one line per SIM and bill item) once; coupons, payer information, payment methods, exported files
  // and Beam stats.
  `CREATE TABLE sim_billing (
     operator_id TEXT NOT NULL,
     sim_id TEXT NOT NULL,
     imsi TEXT NOT NULL,
     subscription TEXT NOT NULL,
     status TEXT NOT NULL,
     speed_class TEXT NOT NULL,
     created_day INTEGER NOT NULL,
     PRIMARY KEY (operator_id, sim_id)
   ) WITHOUT ROWID;
   INSERT INTO sim_billing
     SELECT operator_id, sim_id, imsi, coalesce(subscription, ''), status,
       coalesce(json_extract(doc, '$.speedClass'), ''), coalesce(json_extract(doc, '$.createdTime'), 0) / 86400000
     FROM sims;
   CREATE TRIGGER sim_billing_insert AFTER INSERT ON sims BEGIN
     INSERT OR REPLACE INTO sim_billing VALUES (NEW.operator_id, NEW.sim_id, NEW.imsi, coalesce(NEW.subscription, ''),
       NEW.status, coalesce(json_extract(NEW.doc, '$.speedClass'), ''),
       coalesce(json_extract(NEW.doc, '$.createdTime'), 0) / 86400000);
   END;
   CREATE TRIGGER sim_billing_update AFTER UPDATE OF operator_id, imsi, status, subscription, doc ON sims BEGIN
     DELETE FROM sim_billing WHERE operator_id = OLD.operator_id AND sim_id = OLD.sim_id;
     INSERT OR REPLACE INTO sim_billing VALUES (NEW.operator_id, NEW.sim_id, NEW.imsi, coalesce(NEW.subscription, ''),
       NEW.status, coalesce(json_extract(NEW.doc, '$.speedClass'), ''),
       coalesce(json_extract(NEW.doc, '$.createdTime'), 0) / 86400000);
   END;
   CREATE TRIGGER sim_billing_delete AFTER DELETE ON sims BEGIN
     DELETE FROM sim_billing WHERE operator_id = OLD.operator_id AND sim_id = OLD.sim_id;
   END;
   CREATE TABLE bills (
     operator_id TEXT NOT NULL,
     year_month TEXT NOT NULL,
     currency TEXT NOT NULL,
     amount INTEGER NOT NULL,
     coupon_amount INTEGER NOT NULL,
     payment_status TEXT NOT NULL,
     transaction_id TEXT NOT NULL,
     items TEXT NOT NULL,
     daily TEXT NOT NULL,
     top_sims TEXT NOT NULL,
     closed_at INTEGER NOT NULL,
     PRIMARY KEY (operator_id, year_month)
   ) WITHOUT ROWID;
   CREATE TABLE bill_lines (
     operator_id TEXT NOT NULL,
     year_month TEXT NOT NULL,
     sim_id TEXT NOT NULL,
     item TEXT NOT NULL,
     quantity INTEGER NOT NULL,
     amount INTEGER NOT NULL,
     PRIMARY KEY (operator_id, year_month, sim_id, item)
   ) WITHOUT ROWID;
   CREATE TABLE coupons (
     coupon_code TEXT PRIMARY KEY,
     operator_id TEXT,
     amount INTEGER NOT NULL,
     balance INTEGER NOT NULL,
     currency TEXT NOT NULL,
     bill_item_name TEXT,
     expiry_year_month TEXT NOT NULL,
     order_id TEXT,
     created_at INTEGER NOT NULL,
     registered_at INTEGER
   );
   CREATE INDEX coupons_by_operator ON coupons(operator_id, expiry_year_month);
   CREATE TABLE payer_information (
     operator_id TEXT PRIMARY KEY,
     doc TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE payment_methods (
     operator_id TEXT PRIMARY KEY,
     provider_type TEXT NOT NULL,
     properties TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE exported_files (
     exported_file_id TEXT PRIMARY KEY,
     operator_id TEXT NOT NULL,
     token TEXT NOT NULL UNIQUE,
     file_name TEXT NOT NULL,
     content BLOB NOT NULL,
     created_at INTEGER NOT NULL,
     ready_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX exported_files_by_expiry ON exported_files(expires_at);
   CREATE TABLE beam_stats (
     operator_id TEXT NOT NULL,
     sim_id TEXT NOT NULL,
     imsi TEXT NOT NULL,
     unixtime INTEGER NOT NULL,
     item TEXT NOT NULL,
     count INTEGER NOT NULL,
     PRIMARY KEY (imsi, unixtime, item)
   );
   CREATE INDEX beam_stats_by_operator ON beam_stats(operator_id, unixtime);`,
  // Team access: permissions of users, roles and the operator's defaults; trust policies; the API audit log.
  `ALTER TABLE users ADD COLUMN permission TEXT;
   ALTER TABLE users ADD COLUMN trust_policy TEXT;
   CREATE TABLE default_permissions (
     operator_id TEXT PRIMARY KEY REFERENCES operators(operator_id) ON DELETE CASCADE,
     permission TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE roles (
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     role_id TEXT NOT NULL,
     description TEXT NOT NULL DEFAULT '',
     permission TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (operator_id, role_id)
   );
   CREATE TABLE user_roles (
     operator_id TEXT NOT NULL,
     user_name TEXT NOT NULL,
     role_id TEXT NOT NULL,
     attached_at INTEGER NOT NULL,
     PRIMARY KEY (operator_id, user_name, role_id),
     FOREIGN KEY (operator_id, user_name) REFERENCES users(operator_id, user_name) ON DELETE CASCADE,
     FOREIGN KEY (operator_id, role_id) REFERENCES roles(operator_id, role_id)
   );
   CREATE INDEX user_roles_by_role ON user_roles(operator_id, role_id);
   CREATE TABLE api_audit_log (
     id INTEGER PRIMARY KEY,
     operator_id TEXT NOT NULL,
     user_name TEXT,
     api_kind TEXT NOT NULL,
     request_path TEXT NOT NULL,
     remote_ip TEXT NOT NULL,
     requested_at INTEGER NOT NULL,
     status INTEGER NOT NULL
   );
   CREATE INDEX api_audit_log_by_time ON api_audit_log(operator_id, requested_at, id);`,
  // 7: orders. Shipping addresses; orders from quotation to receipt (`doc` is the order as getOrder answers it, the
  // columns what lists, billing and rules need); the SIMs a shipped order brings, kept here until registered.
  `CREATE TABLE shipping_addresses (
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     shipping_address_id TEXT NOT NULL,
     doc TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (operator_id, shipping_address_id)
   );
   CREATE TABLE orders (
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     order_id TEXT NOT NULL,
     status TEXT NOT NULL,
     shipping_address_id TEXT NOT NULL,
     total_amount INTEGER NOT NULL,
     doc TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     confirmed_at INTEGER,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (operator_id, order_id)
   );
   CREATE INDEX orders_by_confirmation ON orders(operator_id, confirmed_at);
   CREATE INDEX orders_by_address ON orders(operator_id, shipping_address_id, status);
   CREATE TABLE ordered_sims (
     operator_id TEXT NOT NULL,
     order_id TEXT NOT NULL,
     sim_id TEXT NOT NULL,
     doc TEXT NOT NULL,
     PRIMARY KEY (operator_id, order_id, sim_id),
     FOREIGN KEY (operator_id, order_id) REFERENCES orders(operator_id, order_id) ON DELETE CASCADE
   );`,
  // Credential sets: what identifies one, and a digest of its secret fields (store/credentials.ts); event handlers
  // (store/eventHandlers.ts) and the SIMs each ignores.
  `CREATE TABLE credentials (
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     credentials_id TEXT NOT NULL,
     type TEXT NOT NULL,
     description TEXT NOT NULL DEFAULT '',
     public_fields TEXT NOT NULL,
     secret_digest TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     last_used_at INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (operator_id, credentials_id)
   );
   CREATE INDEX sims_by_status ON sims(operator_id, status);
   CREATE TABLE event_handlers (
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     handler_id TEXT NOT NULL,
     doc TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (operator_id, handler_id)
   );
   CREATE TABLE event_handler_ignores (
     operator_id TEXT NOT NULL,
     handler_id TEXT NOT NULL,
     imsi TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (operator_id, handler_id, imsi),
     FOREIGN KEY (operator_id, handler_id) REFERENCES event_handlers(operator_id, handler_id) ON DELETE CASCADE
   );`,
  // Account (issue 16): contact information (company or individual, one per operator), the operator's email
  // addresses (the sign-in address is one of them, kept by triggers on `operators`), which address gets which system
  // notifications, operator configuration namespaces, contracts (and when each was on, for the bills) and the
  // coverage types added (every operator has
  // Japan coverage, guesses: the account).
  `CREATE TABLE operator_contacts (
     operator_id TEXT PRIMARY KEY REFERENCES operators(operator_id) ON DELETE CASCADE,
     kind TEXT NOT NULL,
     doc TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE operator_emails (
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     email_id TEXT NOT NULL,
     email TEXT NOT NULL COLLATE NOCASE,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (operator_id, email_id),
     UNIQUE (operator_id, email)
   );
   INSERT INTO operator_emails SELECT operator_id, 'em-' || lower(hex(randomblob(8))), email, created_at, created_at
     FROM operators;
   CREATE TRIGGER operator_primary_email AFTER INSERT ON operators BEGIN
     INSERT OR IGNORE INTO operator_emails
       VALUES (NEW.operator_id, 'em-' || lower(hex(randomblob(8))), NEW.email, NEW.created_at, NEW.created_at);
   END;
   CREATE TABLE system_notifications (
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     type TEXT NOT NULL,
     email_ids TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (operator_id, type)
   );
   CREATE TABLE operator_configuration (
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     namespace TEXT NOT NULL,
     doc TEXT NOT NULL,
     version INTEGER NOT NULL,
     PRIMARY KEY (operator_id, namespace)
   );
   CREATE TABLE operator_contracts (
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     contract_name TEXT NOT NULL,
     detail TEXT,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (operator_id, contract_name)
   );
   CREATE TABLE contract_periods (
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     contract_name TEXT NOT NULL,
     started_at INTEGER NOT NULL,
     ended_at INTEGER,
     PRIMARY KEY (operator_id, contract_name, started_at)
   );
   CREATE TABLE operator_coverages (
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     coverage_type TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (operator_id, coverage_type)
   );`,
  // Event handler executions (store/eventExecutions.ts): one row per firing of a handler for a SIM, with until when
  // the handler rests for it and its actions (each with when it runs and how it went) as one JSON document. Error
  // logs (store/errorLogs.ts), for GET /logs.
  `CREATE TABLE event_handler_executions (
     execution_id INTEGER PRIMARY KEY AUTOINCREMENT,
     operator_id TEXT NOT NULL,
     handler_id TEXT NOT NULL,
     imsi TEXT NOT NULL,
     sim_id TEXT NOT NULL,
     fired_at INTEGER NOT NULL,
     rests_until INTEGER,
     next_action_at INTEGER,
     doc TEXT NOT NULL,
     FOREIGN KEY (operator_id, handler_id) REFERENCES event_handlers(operator_id, handler_id) ON DELETE CASCADE
   );
   CREATE INDEX event_handler_executions_by_handler ON event_handler_executions(operator_id, handler_id, imsi, fired_at);
   CREATE INDEX event_handler_executions_by_operator ON event_handler_executions(operator_id, execution_id);
   CREATE INDEX event_handler_executions_due ON event_handler_executions(next_action_at) WHERE next_action_at IS NOT NULL;
   CREATE TABLE error_logs (
     log_id INTEGER PRIMARY KEY AUTOINCREMENT,
     operator_id TEXT NOT NULL REFERENCES operators(operator_id) ON DELETE CASCADE,
     time INTEGER NOT NULL,
     service TEXT NOT NULL,
     resource_type TEXT NOT NULL,
     resource_id TEXT NOT NULL,
     log_level TEXT NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX error_logs_by_operator ON error_logs(operator_id, time, log_id);`,
  // Coverage partitions (coverage.ts): a row of operators that owns one operator's Global coverage data, naming it.
  `ALTER TABLE operators ADD COLUMN account_of TEXT;
   CREATE INDEX operators_by_account ON operators(account_of) WHERE account_of IS NOT NULL;`,
];
