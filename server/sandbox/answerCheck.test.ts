/** The server's answer validation: it reports answers that do not fit the description and passes them on as they are. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkingAnswers } from './answerCheck';
import type { ApiAnswer, ApiCall } from './answers';
import type { Sandbox } from './sandbox';

const call = (method: string, pathname: string): ApiCall => ({
  method,
  pathname,
  query: new URLSearchParams(),
  header: () => null,
  text: async () => '',
  clientIp: '127.0.0.1',
});
const answerWith = (status: number, body: unknown): ApiAnswer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: Buffer.from(JSON.stringify(body)),
});
/** A sandbox that answers `answer` to everything. */
const fake = (answer: ApiAnswer): Sandbox => ({
  answer: async () => answer,
  handle: async () => new Response(answer.body, { status: answer.status, headers: answer.headers }),
  mailbox: () => [],
  download: () => undefined,
  executions: async () => new Response(answer.body, { status: answer.status, headers: answer.headers }),
});

describe('checkingAnswers', () => {
  it.each([
    ['a success of the wrong shape', 'GET', '/sims', answerWith(200, { items: [] }), /does not match/],
    ['a 500', 'GET', '/sims', answerWith(500, { code: 'COM0500', message: 'boom' }), /server error/],
    ['an undeclared status', 'POST', '/groups', answerWith(409, { code: 'X', message: 'm' }), /not 409/],
    ['an error without a code', 'GET', '/sims', answerWith(404, { message: 'm' }), /code/],
  ])(
    'reports %s, from either entry, and passes the answer on unchanged',
    async (_what, method, path, answer, problem) => {
      const reports: string[] = [];
      const sandbox = checkingAnswers(fake(answer), { report: (line) => reports.push(line) });
      expect(await sandbox.answer(call(method, path))).toBe(answer);
      const response = await sandbox.handle(new Request(`http://x${path}`, { method }), path);
      expect(response.status).toBe(answer.status);
      expect(await response.text()).toBe(answer.body?.toString());
      expect(reports).toHaveLength(2);
      for (const report of reports) expect(report).toMatch(problem);
    },
  );

  it('reads a gzipped answer before checking it', async () => {
    const reports: string[] = [];
    const wrong = answerWith(200, { items: [] });
    const gzipped: ApiAnswer = {
      status: 200,
      headers: { ...wrong.headers, 'content-encoding': 'gzip' },
      body: gzipSync(wrong.body as Buffer) as Buffer<ArrayBuffer>,
    };
    const sandbox = checkingAnswers(fake(gzipped), { report: (line) => reports.push(line) });
    await sandbox.answer(call('GET', '/sims'));
    await sandbox.handle(new Request('http://x/sims'), '/sims');
    expect(reports).toHaveLength(2);
    for (const report of reports) expect(report).toContain('body: {"items":[]}');
  });

  it('says nothing of answers that fit', async () => {
    const reports: string[] = [];
    const sandbox = checkingAnswers(fake(answerWith(200, [])), { report: (line) => reports.push(line) });
    await sandbox.answer(call('GET', '/sims'));
    await sandbox.handle(new Request('http://x/sims'), '/sims');
    expect(reports).toEqual([]);
  });
});
