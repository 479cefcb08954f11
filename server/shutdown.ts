/**
 * Stopping without dropping anyone: on SIGTERM (what a process manager or orchestrator sends) or SIGINT (Ctrl-C) the
 * server stops accepting connections, answers what is in flight, then closes the database and exits 0. Requests still
 * running after the grace period are cut off (exit 1); a second signal cuts them off at once.
 */
import type { Server } from 'node:http';

export interface ShutdownOptions {
  /** How long requests in flight may take to finish. */
  graceMs: number;
  log: (line: string) => void;
  /** Runs first: stop timers and background work. */
  stopping?: () => void;
  /** Runs last, once no request is left (or the rest were cut off): close the database. */
  close?: () => void;
  exit?: (code: number) => void;
}

export interface Shutdown {
  /** Whether the server is stopping (the health check then answers 503 so load balancers send no more). */
  readonly stopping: boolean;
  /** Starts stopping; what the signal handlers call. */
  stop(reason: string): void;
}

export function gracefulShutdown(server: Server, options: ShutdownOptions): Shutdown {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  let done = false;
  let timer: NodeJS.Timeout | undefined;

  function finish(code: number) {
    if (done) return;
    done = true;
    clearTimeout(timer);
    try {
      options.close?.();
    } catch (error) {
      options.log(`server: could not close cleanly: ${(error as Error).message}`);
      code = 1;
    }
    options.log(code === 0 ? 'server: stopped.' : 'server: stopped, cutting off requests in flight.');
    exit(code);
  }

  function cutOff() {
    server.closeAllConnections();
    finish(1);
  }

  // A kept-alive connection would stay open after its last answer and hold close() up: once stopping, answers say
  // they are the last on their connection, and a connection is closed as soon as its answer is out.
  server.on('request', (_request, response) => {
    if (stopping && !response.headersSent) response.setHeader('connection', 'close');
    response.once('finish', () => {
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
  });

  const shutdown: Shutdown = {
    get stopping() {
      return stopping;
    },
    stop(reason) {
      if (stopping) {
        options.log(`server: ${reason} again: not waiting any longer.`);
        cutOff();
        return;
      }
      stopping = true;
      options.log(
        `server: ${reason}: taking no new connections, finishing requests in flight (up to ${
          options.graceMs / 1000
        } s).`,
      );
      options.stopping?.();
      server.close(() => finish(0));
      // Connections waiting for their next request would hold close() up: they have nothing in flight.
      server.closeIdleConnections();
      timer = setTimeout(cutOff, options.graceMs);
      timer.unref();
    },
  };
  return shutdown;
}

/** Stops on SIGTERM and SIGINT. */
export function stopOnSignals(shutdown: Shutdown): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => shutdown.stop(signal));
}
