/**
 * The server: `npm start` runs it compiled (dist-server/main.js, from `npm run build`), `npm run serve` from the
 * sources. With a local endpoint it opens (and on first start seeds) the sandbox database; without one (gateway only)
 * it keeps nothing on disk. Then it serves everything on one port, logs each request, and stops gracefully.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { type Config, hasSandbox, parseConfig, publicUrl, usage } from './config';
import { allowedHosts } from './hosts';
import { answerClientError, createListener } from './listener';
import { logRequests } from './requestLog';
import { checkingAnswers, reportTo } from './sandbox/answerCheck';
import { startBillingMailer } from './sandbox/billingMail';
import { type Db, openDb } from './sandbox/db';
import { withLatency } from './sandbox/latency';
import { startOrderShipper } from './sandbox/orderShipper';
import { createSandbox, type Sandbox } from './sandbox/sandbox';
import { demo, isSeeded, seedDemo } from './sandbox/seed';
import { demoTeam } from './sandbox/seedTeam';
import { startSessionSimulator } from './sandbox/sessionSimulator';
import { passwordCost } from './sandbox/store/secrets';
import { tokenStore } from './sandbox/store/tokens';
import { gracefulShutdown, type Shutdown, stopOnSignals } from './shutdown';

const config = (() => {
  try {
    return parseConfig(process.argv.slice(2), process.env, process.stdout.isTTY === true);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
})();
if (config === 'help') {
  console.log(usage);
  process.exit(0);
}

// Standard output carries the request lines; with JSON lines, nothing else, so that every line of it parses.
const info = config.logFormat === 'json' ? (line: string) => console.error(line) : (line: string) => console.log(line);
const logError = (line: string) => console.error(line);

interface LocalSandbox {
  db: Db;
  sandbox: Sandbox;
  stop(): void;
}

function startSandbox(config: Config): LocalSandbox {
  const db = openDb(config.sandboxDb);
  if (!isSeeded(db)) {
    const started = performance.now();
    seedDemo(db, { fleet: config.fleet, now: Date.now(), passwordCost: { ...passwordCost, N: config.passwordCost } });
    info(`Seeded the demo fleet: ${config.fleet} SIMs in ${Math.round(performance.now() - started)} ms.`);
  }
  tokenStore(db).purgeBefore(Date.now() - 7 * 86_400_000);
  const created = createSandbox({
    db,
    log: logError,
    publicUrl: publicUrl(config),
    rateLimit: { limit: config.rateLimit, windowSeconds: 60 },
    bodyLimit: config.bodyLimit,
    sandboxOps: config.sandboxOps,
    passwordCost: { ...passwordCost, N: config.passwordCost },
  });
  // A test run's check (the e2e web server turns it on): every sandbox answer against the description.
  const answerViolations = process.env.SANDBOX_VALIDATE_ANSWERS;
  const checked = answerViolations ? checkingAnswers(created, { report: reportTo(answerViolations) }) : created;
  const sandbox = withLatency(checked, config.latency);
  const stopSessions =
    config.sessionInterval > 0
      ? startSessionSimulator(db, { intervalMs: config.sessionInterval * 1000, log: logError })
      : () => {};
  const stopShipping =
    config.autoShip > 0 ? startOrderShipper(db, { delayMs: config.autoShip * 1000, log: logError }) : () => {};
  const stopBillMails = startBillingMailer(db, { log: logError });
  const stop = () => {
    stopSessions();
    stopShipping();
    stopBillMails();
  };
  return { db, sandbox, stop };
}

const local = hasSandbox(config) ? startSandbox(config) : null;
let shutdown: Shutdown | undefined;
const app = createApp({
  endpoints: config.endpoints,
  sandbox: local?.sandbox,
  distDir: config.distDir,
  upstreamTimeoutMs: config.upstreamTimeoutMs,
  gatewayBodyLimit: config.gatewayBodyLimit,
  log: logError,
  trustProxy: config.trustProxy,
  health: { stopping: () => shutdown?.stopping ?? false, sandboxOpen: () => (local ? local.db.open : null) },
});

const listener = createListener(app.fetch, local?.sandbox ?? null, config.endpoints, {
  hostname: config.host,
  log: logError,
  allowedHosts: allowedHosts(config.host, config.allowedHosts),
  bodyLimit: config.bodyLimit,
  gatewayBodyLimit: config.gatewayBodyLimit,
  trustProxy: config.trustProxy,
});
const server = createServer(
  logRequests(listener, {
    format: config.logFormat,
    write: (line) => process.stdout.write(`${line}\n`),
    trustProxy: config.trustProxy,
  }),
);
server.on('clientError', answerClientError);
// Idle keep-alive connections stay open longer than clients and proxies keep theirs (60 s is common): a client
// reusing one the server has just closed gets a reset request (Node's default is 5 s). Headers still must come in time.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

shutdown = gracefulShutdown(server, {
  graceMs: config.shutdownGraceSeconds * 1000,
  log: info,
  stopping: () => local?.stop(),
  close: () => {
    if (!local) return;
    // Everything in the write-ahead log into the database file, so that the file alone is the whole state.
    local.db.pragma('wal_checkpoint(TRUNCATE)');
    local.db.close();
  },
});
stopOnSignals(shutdown);
const samLogin = (userName: string, password: string, what: string) =>
  `                                 SAM user ${demo.operatorId} / ${userName} / ${password} (${what})`;
const demoLogins = [
  samLogin(demo.userName, demo.userPassword, 'no permission'),
  ...demoTeam.map((user) => samLogin(user.userName, user.password, `role ${user.roleId}`)),
].join('\n');

server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const endpoints = `Endpoints: ${config.endpoints.map((e) => e.id).join(', ')}`;
  if (!local) {
    info(`SORACOM console: ${url}\nGateway only: no local sandbox, nothing kept on disk.\n${endpoints}`);
    return;
  }
  info(`SORACOM console: ${url}
Sandbox database: ${config.sandboxDb}${config.latency > 0 ? `\nSandbox latency: ${config.latency} ms per API call` : ''}
${endpoints}${
  config.endpoints.some((e) => e.id === 'local')
    ? `\nLocal mailbox (sign-up, password reset, MFA recovery mails): ${url}/api/local/mailbox`
    : ''
}
Demo login (local sandbox only): root ${demo.email} / ${demo.password}
${demoLogins}`);
});
