/**
 * Who may call what, and the record of who called: what the dispatcher (sandbox.ts) runs around every handler. The
 * decision is common/permissions.ts's, the same evaluator the console's permission tester runs; the choices
 * SORACOM leaves open are guesses.ts's (team access, API audit log).
 */
import {
  evaluatePermissions,
  type PermissionDocument,
  type PermissionSource,
  parsePermission,
  type SourcedPermission,
} from '../../common/permissions';
import type { Reply, Stores } from './context';
import { forbidden } from './errors';
import { auditLog, rootOnlyOperations, samAlwaysAllowed } from './guesses';
import type { FoundOperation } from './spec';
import type { PermissionRow } from './store/permissions';
import type { Identity } from './store/tokens';

const rootOnly = new Set(rootOnlyOperations);
const alwaysAllowed = new Set(samAlwaysAllowed);
const day = 86_400_000;

/** What the dispatcher learnt of a call, for its audit record. */
export interface CallFacts {
  found?: FoundOperation;
  /** The authenticated caller, or the account a successful `/auth` signed in. */
  caller?: { operatorId: string; userName: string | null };
  /** Whose data the call reached when not the caller's operator: its Global partition (coverage.ts). */
  owner?: string;
  time: number;
}

export function createAccess(stores: Stores, log: (line: string) => void) {
  // Permissions are checked when written, so reading one back only needs parsing; a SAM user's every call reads
  // the same few texts, so they are parsed once (a bounded cache: a text no longer used is dropped with the rest).
  const parsed = new Map<string, PermissionDocument>();
  function documentOf(text: string): PermissionDocument {
    let document = parsed.get(text);
    if (!document) {
      const result = parsePermission(text);
      // A stored text the evaluator no longer reads (written by an older version) allows nothing.
      document = result.ok ? result.permission : { statements: [] };
      if (parsed.size >= 1_000) parsed.clear();
      parsed.set(text, document);
    }
    return document;
  }
  const sourceOf = (row: PermissionRow): PermissionSource =>
    row.kind === 'role' ? { kind: 'role', roleId: row.role_id ?? '' } : { kind: row.kind };

  let recorded = 0;
  let scheduled = false;
  /** The operator whose old rows go with the next write, when one is due (every `pruneEvery` records). */
  let pruneDue: { operatorId: string; before: number } | null = null;
  /** Writes the calls of this turn of the event loop in one transaction, once their answers are on their way. */
  function writeSoon() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const prune = pruneDue;
      pruneDue = null;
      try {
        stores.auditLog.flush();
        if (prune) stores.auditLog.prune(prune.operatorId, prune.before, auditLog.rowsPerOperator);
      } catch (error) {
        // The calls were answered either way; a log that cannot be written is the server's problem.
        log(`sandbox: could not write the audit log: ${(error as Error).message}`);
      }
    });
  }

  return {
    /** Every permission that applies to a SAM user, as the evaluator takes them. */
    permissionsOf(operatorId: string, userName: string): SourcedPermission[] {
      return stores.permissions
        .ofUser(operatorId, userName)
        .map((row) => ({ source: sourceOf(row), permission: documentOf(row.permission) }));
    },

    /** Throws 403 unless the caller may call the operation (guesses: who may call what). */
    authorize(
      identity: Identity,
      found: FoundOperation,
      call: { method: string; path: Record<string, string>; clientIp: string; time: number },
    ): void {
      const { userName } = identity;
      if (userName === null) return;
      if (rootOnly.has(found.operationId)) throw forbidden('Only the root account can do this.');
      if (alwaysAllowed.has(found.operationId)) return;
      const decision = evaluatePermissions(this.permissionsOf(identity.operatorId, userName), {
        service: found.service,
        operationId: found.operationId,
        pathVariables: call.path,
        samUserName: userName,
        sourceIp: call.clientIp === 'unknown' ? undefined : call.clientIp,
        now: call.time,
        httpMethod: call.method,
      });
      if (!decision.allowed) {
        const api = `${found.service}:${found.operationId}`;
        throw forbidden(
          decision.reason === 'denied'
            ? `${api} is denied to this user by its permissions.`
            : `${api} is not allowed to this user: no permission allows it.`,
        );
      }
    },

    /** The account a successful `/auth` signed in, taken from its answer (no secret of it is kept). */
    signedIn(found: FoundOperation, reply: Reply): CallFacts['caller'] {
      if (found.operationId !== 'auth' || reply.status !== 200) return undefined;
      const body = reply.body as { operatorId?: string; userName?: string };
      return body.operatorId ? { operatorId: body.operatorId, userName: body.userName ?? null } : undefined;
    },

    /** Records a call of a known caller (written right after); now and then drops what the log no longer keeps. */
    record(facts: CallFacts, call: { pathname: string; clientIp: string }, status: number): void {
      const { found, caller } = facts;
      if (!found || !caller) return;
      stores.auditLog.add({
        operatorId: caller.operatorId,
        userName: caller.userName,
        apiKind: `/v1${found.template}`,
        requestPath: `/v1${call.pathname}`,
        remoteIp: call.clientIp,
        requestedAt: facts.time,
        status,
      });
      recorded += 1;
      if (recorded % auditLog.pruneEvery === 0) {
        pruneDue = { operatorId: caller.operatorId, before: facts.time - auditLog.retentionDays * day };
      }
      writeSoon();
    },
  };
}
export type Access = ReturnType<typeof createAccess>;
