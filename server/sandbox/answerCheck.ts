/**
 * The server's answer validation (`SANDBOX_VALIDATE_ANSWERS`): every sandbox answer is checked against the
 * description as the contract tests check theirs (answerContract.ts), and a mismatch is reported loudly. The answer
 * itself goes out unchanged, so a journey sees what it would have seen; the e2e run fails afterwards on the report
 * (e2e/globalTeardown.ts).
 */
import { appendFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { AnswerContract, ContractViolation } from './answerContract';
import type { ApiAnswer, ApiCall } from './answers';
import type { Sandbox } from './sandbox';
import { loadSpec } from './spec';

export interface AnswerCheckOptions {
  /** Told every mismatch, one line each. */
  report: (line: string) => void;
  contract?: AnswerContract;
}

function bodyText(answer: ApiAnswer): string {
  if (!answer.body) return '';
  const bytes = answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body;
  return bytes.toString('utf8');
}

/** `sandbox` with every answer checked against the description; mismatches go to `report`. */
export function checkingAnswers(sandbox: Sandbox, options: AnswerCheckOptions): Sandbox {
  const contract = options.contract ?? new AnswerContract(loadSpec());
  const check = (method: string, pathname: string, status: number, headers: Headers, text: string) => {
    try {
      contract.check(method, pathname, { status, headers, text });
    } catch (error) {
      if (!(error instanceof ContractViolation)) throw error;
      options.report(error.message);
    }
  };
  return {
    ...sandbox,
    async answer(call: ApiCall) {
      const answer = await sandbox.answer(call);
      check(call.method, call.pathname, answer.status, new Headers(answer.headers), bodyText(answer));
      return answer;
    },
    async handle(request, pathname, clientIp, coverage) {
      const response = await sandbox.handle(request, pathname, clientIp, coverage);
      // A copy is read, the original sent; a Response made here is not decoded on reading, so gzip is undone here.
      const bytes = Buffer.from(await response.clone().arrayBuffer());
      const text = (response.headers.get('content-encoding') === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8');
      check(request.method, pathname, response.status, response.headers, text);
      return response;
    },
  };
}

/** A report that writes each mismatch to stderr and appends it, as one JSON line, to `file`. */
export function reportTo(file: string): (line: string) => void {
  return (line) => {
    console.error(`ANSWER DOES NOT FIT THE DESCRIPTION: ${line}`);
    appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), violation: line })}\n`);
  };
}
