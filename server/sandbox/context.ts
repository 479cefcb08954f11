import type { Db } from './db';
import { forbidden } from './errors';
import { groupStore } from './store/groups';
import { operatorStore } from './store/operators';
import { simStore } from './store/sims';
import type { Identity } from './store/tokens';
import { tokenStore } from './store/tokens';
import { userStore } from './store/users';

export function createStores(db: Db) {
  return {
    operators: operatorStore(db),
    users: userStore(db),
    tokens: tokenStore(db),
    sims: simStore(db),
    groups: groupStore(db),
  };
}
export type Stores = ReturnType<typeof createStores>;

/** What a handler gets: input already validated against the description, and the caller when authenticated. */
export interface Ctx<Body = unknown> {
  db: Db;
  stores: Stores;
  identity: Identity | null;
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: Body;
  now: number;
  log: (line: string) => void;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: Ctx<never>) => Reply;

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
