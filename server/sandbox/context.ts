import type { Db } from './db';
import { forbidden } from './errors';
import type { OutgoingMail } from './mail';
import { accountStore } from './store/account';
import { auditLogStore } from './store/auditLog';
import { billingStore } from './store/billing';
import { couponStore } from './store/coupons';
import { credentialStore } from './store/credentials';
import { errorLogStore } from './store/errorLogs';
import { eventExecutionStore } from './store/eventExecutions';
import { eventHandlerStore } from './store/eventHandlers';
import { exportedFileStore } from './store/exportedFiles';
import { groupStore } from './store/groups';
import { mailboxStore } from './store/mailbox';
import { oneTimeTokenStore } from './store/oneTimeTokens';
import { operatorStore } from './store/operators';
import { orderStore } from './store/orders';
import { paymentStore } from './store/payments';
import { permissionStore } from './store/permissions';
import { roleStore } from './store/roles';
import { passwordHasher, type ScryptCost } from './store/secrets';
import { simRecordStore } from './store/simRecords';
import { simSearchStore } from './store/simSearch';
import { simStore } from './store/sims';
import { summaryStore } from './store/summaries';
import type { Identity } from './store/tokens';
import { tokenStore } from './store/tokens';
import { usageStore } from './store/usage';
import { userStore } from './store/users';

/**
 * Every store of the database, its statements prepared once: the only way handlers reach the data. Passwords are
 * hashed at `passwordCost` (default store/secrets.passwordCost).
 */
export function createStores(db: Db, options: { passwordCost?: ScryptCost } = {}) {
  const passwords = passwordHasher(options.passwordCost);
  return {
    passwords,
    operators: operatorStore(db, passwords),
    users: userStore(db, passwords),
    tokens: tokenStore(db),
    sims: simStore(db),
    simRecords: simRecordStore(db),
    simSearch: simSearchStore(db),
    groups: groupStore(db),
    oneTimeTokens: oneTimeTokenStore(db),
    mailbox: mailboxStore(db),
    usage: usageStore(db),
    billing: billingStore(db),
    coupons: couponStore(db),
    payments: paymentStore(db),
    exportedFiles: exportedFileStore(db),
    permissions: permissionStore(db),
    roles: roleStore(db),
    auditLog: auditLogStore(db),
    orders: orderStore(db),
    credentials: credentialStore(db),
    summaries: summaryStore(db),
    eventHandlers: eventHandlerStore(db),
    account: accountStore(db),
    eventExecutions: eventExecutionStore(db),
    errorLogs: errorLogStore(db),
  };
}
export type Stores = ReturnType<typeof createStores>;

/** What a handler gets: input already validated against the description, and the caller when authenticated. */
export interface Ctx<Body = unknown> {
  stores: Stores;
  /** Runs `work` in one database transaction (a savepoint inside another): all of its writes, or none. */
  transaction<T>(work: () => T): T;
  identity: Identity | null;
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: Body;
  now: number;
  log: (line: string) => void;
  /** Sends a mail: into the local mailbox and the server log. */
  mail: (mail: OutgoingMail) => void;
}

/**
 * A reply body that is JSON text already (SIM documents as stored), sent as it is: a page of 100 SIMs is not parsed
 * and serialised again on every request.
 */
export class JsonText {
  constructor(readonly text: string) {}
  /** A JSON array of documents, each already JSON text. */
  static array(docs: readonly string[]): JsonText {
    return new JsonText(`[${docs.join(',')}]`);
  }
}

export interface Reply {
  status: number;
  /** Serialised with JSON.stringify, or sent as it is when JsonText. */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: Ctx<never>) => Reply;

/** A resource module's handlers, keyed by the operationId each answers (api/index.ts gathers them). */
export type Handlers = Readonly<Record<string, Handler>>;

/** The authenticated caller; handlers of secured operations can rely on it being there. */
export function caller(ctx: Ctx<unknown>): Identity {
  if (!ctx.identity) throw forbidden();
  return ctx.identity;
}

/** Only the root account may call this operation. */
export function requireRoot(ctx: Ctx<unknown>): Identity {
  const identity = caller(ctx);
  if (identity.userName) throw forbidden('Only the root account can do this.');
  return identity;
}

/** Only the SAM user named in the path, acting for themself. */
export function requireSelf(ctx: Ctx<unknown>): Identity {
  const identity = caller(ctx);
  if (identity.userName === null) throw forbidden('Only the SAM user can do this for themself.');
  if (identity.userName !== ctx.path.user_name) throw forbidden();
  return identity;
}
