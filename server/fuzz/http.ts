/**
 * The fuzz target over HTTP: a server process of its own, sent the cases' bytes as they are (node:http leaves `..`
 * and odd percent-encodings in the path alone, where the Fetch API would tidy them). The root account is an operator
 * of its own (`/sandbox/init`, again whenever a case ended its session), and every operation gets a new SIM and group
 * of it; the SAM user is the demo operator's.
 */
import { request } from 'node:http';
import { demo } from '../sandbox/seed';
import { type ServerProcess, startServer } from '../test/serverProcess';
import type { FuzzCase, Known } from './cases';
import type { Answer, Target } from './target';

interface Credentials {
  apiKey: string;
  token: string;
  operatorId: string;
}

function exchange(port: number, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<Answer>((done, fail) => {
    const outgoing = request(
      // A connection per request: many cases end theirs (413 closes), and no case may inherit another's.
      { host: '127.0.0.1', port, method, path, headers, agent: false },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (typeof value === 'string') answerHeaders.set(name, value);
          }
          done({ status: incoming.statusCode ?? 0, headers: answerHeaders, text: Buffer.concat(chunks).toString() });
        });
        incoming.on('error', fail);
      },
    );
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

export async function httpTarget(): Promise<Target> {
  const server: ServerProcess = await startServer({ fleet: 10, env: { SANDBOX_RATE_LIMIT: '1000000' } });
  const api = (path: string) => `/api/local/v1${path}`;
  const call = async (method: string, path: string, body?: unknown, auth?: Credentials) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth) Object.assign(headers, { 'x-soracom-api-key': auth.apiKey, 'x-soracom-token': auth.token });
    const answer = await exchange(
      server.port,
      method,
      api(path),
      headers,
      body === undefined ? undefined : JSON.stringify(body),
    );
    return { status: answer.status, body: answer.text ? JSON.parse(answer.text) : undefined };
  };
  const signInUser = async (): Promise<Credentials | null> => {
    const { status, body } = await call('POST', '/auth', {
      operatorId: demo.operatorId,
      userName: demo.userName,
      password: demo.userPassword,
    });
    return status === 200 ? body : null;
  };
  let user = await signInUser();
  let root: Credentials | null = null;
  let operators = 0;

  return {
    name: 'http',
    async begin() {
      // A new operator only when the last one's session ended (a case signed it out): making one costs a password
      // hash, most of this target's set-up time.
      if (!root || (await call('GET', `/operators/${root.operatorId}`, undefined, root)).status !== 200) {
        operators += 1;
        const init = await call('POST', '/sandbox/init', {
          email: `fuzz-${process.pid}-${operators}@example.com`,
          password: `password-${operators}`,
          authKeyId: `keyId-fuzz-${process.pid}-${operators}`,
          authKey: `secret-fuzz-${process.pid}-${operators}`,
        });
        if (init.status !== 201) throw new Error(`sandbox init: ${init.status} ${JSON.stringify(init.body)}`);
        root = init.body as Credentials;
      }
      const id = `fuzz-${process.pid}-${operators}`;
      const subscriber = await call('POST', '/sandbox/subscribers/create', {}, root);
      const sims = await call('GET', '/sims', undefined, root);
      const group = await call('POST', '/groups', { tags: { name: id } }, root);
      const first = (sims.body as { simId: string }[] | undefined)?.[0];
      const known: Known = {
        operator_id: [root.operatorId],
        user_name: [demo.userName],
        sim_id: first ? [first.simId] : [],
        imsi: subscriber.body?.imsi ? [subscriber.body.imsi] : [],
        group_id: group.body?.groupId ? [group.body.groupId] : [],
        namespace: ['SoracomAir', 'SoracomHarvest'],
        tag_name: ['name'],
        email: [`${id}@example.com`],
      };
      return known;
    },
    async send(c: FuzzCase): Promise<Answer> {
      const headers: Record<string, string> = { ...c.headers };
      const auth = c.caller === 'root' ? root : c.caller === 'user' ? user : null;
      if (auth) Object.assign(headers, { 'x-soracom-api-key': auth.apiKey, 'x-soracom-token': auth.token });
      if (c.body !== undefined) headers['content-length'] = String(Buffer.byteLength(c.body));
      const sent = api(c.path);
      const answer = await exchange(server.port, c.method, `${sent}${c.search}`, headers, c.body);
      const resolved = new URL(sent, 'http://server.local').pathname;
      if (resolved !== sent && resolved.startsWith(api('/'))) answer.path = resolved.slice(api('').length);
      // A case may sign the SAM user out (logout, revoked tokens): the next one signs in again.
      if (c.caller === 'user' && answer.status === 401) user = await signInUser();
      return answer;
    },
    async alive() {
      if (server.child.exitCode !== null || server.child.signalCode !== null) {
        return `the server process ended: ${server.output().slice(-2000)}`;
      }
      const signIn = await call('POST', '/auth', { email: demo.email, password: demo.password });
      if (signIn.status !== 200) return `the demo sign-in answers ${signIn.status}`;
      const internal = server.output().match(/internal error[^\n]*/g) ?? [];
      return internal.length === 0 ? null : `${internal.length} internal errors logged, first: ${internal[0]}`;
    },
    async close() {
      await server.stop();
    },
  };
}
