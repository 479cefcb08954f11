/**
 * The fuzz run: for every operation the sandbox has a handler for, `requests` cases (cases.ts) sent to a target, each
 * answer checked: no 5xx, every error `{code, message}`, every status declared or implicit, every 2xx as described
 * (sandbox/answerContract.ts), and the target still answering at the end.
 */
import { AnswerContract, ContractViolation } from '../sandbox/answerContract';
import { handlers } from '../sandbox/api/handlers';
import type { OpenApiDocument } from '../sandbox/spec';
import { CaseMaker, type FuzzCase, type Known, operationsOf } from './cases';
import type { Answer, Target } from './target';

export type FindingKind = 'server-error' | 'error-shape' | 'undeclared-status' | 'schema-mismatch' | 'not-alive';

export interface Finding {
  kind: FindingKind;
  target: string;
  operationId: string;
  /** The case's index: `--operation <id>` with the same seed makes it again. */
  index: number;
  caseKind: string;
  caller: string;
  request: string;
  status: number;
  detail: string;
}

export interface FuzzOptions {
  spec: OpenApiDocument;
  seed: number;
  /** Cases per operation. */
  requests: number;
  /** Only these operations (by operationId), when given. */
  operations?: readonly string[];
  /** Cases per operation (from the first) sent to this target too, e.g. a server process over HTTP. */
  targets: { target: Target; requests: number }[];
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface FuzzReport {
  seed: number;
  requestsPerOperation: number;
  operations: number;
  /** Operations of the description without a sandbox handler (they answer 501 and are not fuzzed). */
  withoutHandler: string[];
  /** Cases whose broken path landed on one of those (answered 501 by design). */
  reachedWithoutHandler: number;
  requests: Record<string, number>;
  cases: Record<string, number>;
  statuses: Record<string, number>;
  findings: Finding[];
  findingsByKind: Record<string, number>;
  durationMs: number;
}

const count = (record: Record<string, number>, key: string) => {
  record[key] = (record[key] ?? 0) + 1;
};

const shorten = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…(${text.length} characters)` : text);
const requestOf = (c: FuzzCase) => `${c.method} ${shorten(c.path)}${shorten(c.search)}`;

const notAlive = (target: string, operationId: string, detail: string): Finding => ({
  kind: 'not-alive',
  target,
  operationId,
  index: -1,
  caseKind: '-',
  caller: '-',
  request: '-',
  status: 0,
  detail,
});

function classify(contract: AnswerContract, c: FuzzCase, answer: Answer): Omit<Finding, 'target'> | 'unhandled' | null {
  const base = {
    operationId: c.operationId,
    index: c.index,
    caseKind: c.kind,
    caller: c.caller,
    request: requestOf(c),
    status: answer.status,
  };
  const path = answer.path ?? c.path;
  // A broken path can land on another operation (`/auth_keys/..` is getUserAuthKey with the key `..`): one without
  // a handler answers 501, which is its answer by design, not a finding (its name is in `withoutHandler`).
  const landed = contract.find(c.method, path)?.operation.operationId;
  if (answer.status === 501 && landed !== undefined && !handlers.has(landed)) return 'unhandled';
  try {
    contract.check(c.method, path, answer);
    return null;
  } catch (error) {
    if (!(error instanceof ContractViolation)) throw error;
    const detail = error.message.replace(path, shorten(path)).slice(0, 1500);
    let kind: FindingKind = 'schema-mismatch';
    if (answer.status >= 500) kind = 'server-error';
    else if (detail.includes('an error must be') || detail.includes('content-type')) kind = 'error-shape';
    else if (/declares .*, not \d+/.test(detail)) kind = 'undeclared-status';
    return { ...base, kind, detail };
  }
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const contract = new AnswerContract(options.spec);
  const maker = new CaseMaker(options.spec, options.seed);
  const all = operationsOf(options.spec);
  const wanted = options.operations ? all.filter((op) => options.operations?.includes(op.operationId)) : all;
  const report: FuzzReport = {
    seed: options.seed,
    requestsPerOperation: options.requests,
    operations: 0,
    withoutHandler: wanted.filter((op) => !handlers.has(op.operationId)).map((op) => op.operationId),
    reachedWithoutHandler: 0,
    requests: {},
    cases: {},
    statuses: {},
    findings: [],
    findingsByKind: {},
    durationMs: 0,
  };
  const fuzzed = wanted.filter((op) => handlers.has(op.operationId));
  report.operations = fuzzed.length;
  for (const { target, requests } of options.targets) {
    for (const op of fuzzed) {
      let known: Known;
      try {
        known = await target.begin(op);
      } catch (error) {
        report.findings.push(notAlive(target.name, op.operationId, `set-up failed: ${(error as Error).message}`));
        continue;
      }
      const total = Math.min(requests, options.requests);
      const opStarted = performance.now();
      for (let index = 0; index < total; index++) {
        const c = maker.make(op, index, known);
        count(report.requests, target.name);
        count(report.cases, c.kind);
        let answer: Answer;
        try {
          answer = await target.send(c);
        } catch (error) {
          const finding = notAlive(target.name, op.operationId, `no answer: ${(error as Error).message}`);
          report.findings.push({ ...finding, index, caseKind: c.kind, caller: c.caller, request: requestOf(c) });
          continue;
        }
        count(report.statuses, String(answer.status));
        const finding = classify(contract, c, answer);
        if (finding === 'unhandled') report.reachedWithoutHandler += 1;
        else if (finding) report.findings.push({ ...finding, target: target.name });
      }
      log(`${target.name} ${op.operationId}: ${total} cases in ${Math.round(performance.now() - opStarted)} ms`);
    }
    const problem = await target.alive();
    if (problem) report.findings.push(notAlive(target.name, '-', problem));
  }
  for (const finding of report.findings) count(report.findingsByKind, finding.kind);
  report.durationMs = Math.round(performance.now() - started);
  return report;
}
