/**
 * `GET /healthz`, for load balancers and orchestrators: 200 while the server takes requests (and its sandbox
 * database, when it runs one, is open), 503 once it is stopping or the database is gone. It tells the version and
 * whether a sandbox runs, nothing more.
 */
import { version } from '../package.json' with { type: 'json' };

export interface HealthState {
  /** Whether the server is stopping (shutdown.ts). */
  stopping(): boolean;
  /** Whether the sandbox's database is open; null when the server runs no sandbox (gateway only). */
  sandboxOpen(): boolean | null;
}

export interface Health {
  status: 'ok' | 'stopping' | 'unavailable';
  version: string;
  sandbox: 'open' | 'closed' | 'off';
}

export function health(state: HealthState): { code: 200 | 503; body: Health } {
  const open = state.sandboxOpen();
  const sandbox = open === null ? 'off' : open ? 'open' : 'closed';
  const status = state.stopping() ? 'stopping' : sandbox === 'closed' ? 'unavailable' : 'ok';
  return { code: status === 'ok' ? 200 : 503, body: { status, version, sandbox } };
}
