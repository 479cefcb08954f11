/**
 * A console whose Japan endpoint is a Stoplight Prism mock of `openapi/soracom.json`: an upstream that answers
 * anything the description allows (static mode: each answer is built from the schema, with its extremes, such as
 * timestamps of -(2^53 - 1)). Both processes are this journey's own, on free ports, apart from the shared server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})\n${output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      // Any answer will do (Prism answers 404 to a path it does not know): the port is listening.
      await response.body?.cancel();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms\n${output()}`);
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const keep = (chunk: Buffer) => {
    // The last few kilobytes are enough to say why a start failed.
    text = (text + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => text };
}

export interface PrismConsole {
  baseURL: string;
  stop: () => Promise<void>;
}

/**
 * Starts Prism and a console server whose `jp` endpoint is that mock; `stop` ends both. `seed` makes Prism generate
 * each answer from the schema (dynamic mode), reproducibly, instead of answering its static examples.
 */
export async function startPrismConsole(distDir: string, seed?: string): Promise<PrismConsole> {
  const [prismPort, consolePort] = await Promise.all([freePort(), freePort()]);
  const mode = seed === undefined ? [] : ['--dynamic', '--seed', seed];
  const prism = start(
    bin('prism'),
    ['mock', '-p', String(prismPort), '-h', '127.0.0.1', ...mode, 'openapi/soracom.json'],
    {},
  );
  const children = [prism.child];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    await waitFor(`http://127.0.0.1:${prismPort}/`, prism.child, prism.output);
    const server = start(
      bin('tsx'),
      ['server/main.ts', '--port', String(consolePort), '--db', ':memory:', '--fleet', '1', '--endpoints', 'local,jp'],
      {
        ENDPOINT_URL_JP: `http://127.0.0.1:${prismPort}`,
        DIST_DIR: distDir,
        SANDBOX_SESSION_INTERVAL: '0',
      },
    );
    children.push(server.child);
    const baseURL = `http://127.0.0.1:${consolePort}`;
    await waitFor(`${baseURL}/api/endpoints`, server.child, server.output);
    return { baseURL, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
