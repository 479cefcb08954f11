/** The server as a separate process, as `npm run serve` runs it, for tests of what only a process shows. */
import { type ChildProcess, spawn } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  base: string;
  /** Standard output and standard error so far. */
  stdout(): string;
  stderr(): string;
  /** The request lines logged so far (standard output, JSON). */
  requestLines(): Record<string, unknown>[];
  /** The exit code (null when ended by a signal), once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts `server/main.ts` with `args` and `env` on a free port; resolves once it listens. */
export async function startServer(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', ...args], {
    cwd: `${import.meta.dirname}/../..`,
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const port = await new Promise<number>((done, fail) => {
    const timer = setInterval(() => {
      const found = /SORACOM console: http:\/\/[^:]+:(\d+)/.exec(stdout + stderr);
      if (found) {
        clearInterval(timer);
        done(Number(found[1]));
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        fail(new Error(`the server exited: ${stdout}${stderr}`));
      }
    }, 50);
  });
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    stdout: () => stdout,
    stderr: () => stderr,
    requestLines: () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
  };
}

/** Waits until `check` holds, polling; fails after `ms`. */
export async function eventually(check: () => boolean, ms = 10_000, what = 'the condition'): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resume) => setTimeout(resume, 25));
  }
}
