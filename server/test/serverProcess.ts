/** The server as a child process (`server/main.ts` through tsx), for tests that need a real listener or a real crash. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Everything the process wrote so far. */
  output(): string;
  /** Ends the process with `signal` and waits until it is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServerProcessOptions {
  /** Database file, or :memory: (default). */
  db?: string;
  fleet?: number;
  env?: Record<string, string>;
  args?: string[];
}

/** A console build of one page, so that paths outside the API get a page rather than "not built yet" (503). */
function tinyDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'server-process-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head></head><body>console</body></html>');
  return dist;
}

export async function startServer(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const args = ['--port', '0', '--db', options.db ?? ':memory:', '--fleet', String(options.fleet ?? 3)];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args, ...(options.args ?? [])], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: {
      ...process.env,
      ENDPOINTS: 'local',
      DIST_DIR: tinyDist(),
      SANDBOX_SESSION_INTERVAL: '0',
      ...options.env,
    },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const port = await new Promise<number>((done, fail) => {
    const timer = setInterval(() => {
      const found = /SORACOM console: http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (found) {
        clearInterval(timer);
        done(Number(found[1]));
      } else if (child.exitCode !== null || child.signalCode !== null) {
        clearInterval(timer);
        fail(new Error(`the server exited: ${output}`));
      }
    }, 25);
  });
  return {
    child,
    port,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
