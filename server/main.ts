/** `npm start`: opens (and on first start seeds) the sandbox database, then serves everything on one port. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { parseConfig, publicUrl, usage } from './config';
import { allowedHosts } from './hosts';
import { answerClientError, createListener } from './listener';
import { checkingAnswers, reportTo } from './sandbox/answerCheck';
import { openDb } from './sandbox/db';
import { createSandbox } from './sandbox/sandbox';
import { demo, isSeeded, seedDemo } from './sandbox/seed';
import { startSessionSimulator } from './sandbox/sessionSimulator';
import { tokenStore } from './sandbox/store/tokens';

const config = (() => {
  try {
    return parseConfig(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
})();
if (config === 'help') {
  console.log(usage);
  process.exit(0);
}

const db = openDb(config.sandboxDb);
if (!isSeeded(db)) {
  const started = performance.now();
  seedDemo(db, { fleet: config.fleet, now: Date.now() });
  console.log(`Seeded the demo fleet: ${config.fleet} SIMs in ${Math.round(performance.now() - started)} ms.`);
}
tokenStore(db).purgeBefore(Date.now() - 7 * 86_400_000);

const local = createSandbox({
  db,
  log: (line) => console.error(line),
  publicUrl: publicUrl(config),
  rateLimit: { limit: config.rateLimit, windowSeconds: 60 },
  bodyLimit: config.bodyLimit,
});
// A test run's check (the e2e web server turns it on): every sandbox answer against the description.
const answerViolations = process.env.SANDBOX_VALIDATE_ANSWERS;
const sandbox = answerViolations ? checkingAnswers(local, { report: reportTo(answerViolations) }) : local;
const stopSessions =
  config.sessionInterval > 0
    ? startSessionSimulator(db, { intervalMs: config.sessionInterval * 1000, log: (line) => console.error(line) })
    : () => {};
const app = createApp({
  endpoints: config.endpoints,
  sandbox,
  distDir: config.distDir,
  upstreamTimeoutMs: config.upstreamTimeoutMs,
  gatewayBodyLimit: config.gatewayBodyLimit,
  log: (line) => console.error(line),
});

const server = createServer(
  createListener(app.fetch, sandbox, config.endpoints, {
    hostname: config.host,
    log: (line) => console.error(line),
    allowedHosts: allowedHosts(config.host, config.allowedHosts),
    bodyLimit: config.bodyLimit,
    gatewayBodyLimit: config.gatewayBodyLimit,
  }),
);
server.on('clientError', answerClientError);
server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  console.log(`SORACOM console: ${url}
Sandbox database: ${config.sandboxDb}
Endpoints: ${config.endpoints.map((e) => e.id).join(', ')}${
    config.endpoints.some((e) => e.id === 'local')
      ? `\nLocal mailbox (sign-up, password reset, MFA recovery mails): ${url}/api/local/mailbox`
      : ''
  }
Demo login (local sandbox only): root ${demo.email} / ${demo.password}
                                 SAM user ${demo.operatorId} / ${demo.userName} / ${demo.userPassword}`);
});

function shutdown() {
  stopSessions();
  server.close(() => {
    db.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
