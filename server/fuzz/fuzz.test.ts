/**
 * The bounded fuzz run of `npm test`: every operation the sandbox has a handler for, a fixed seed, a few cases each in
 * process and fewer over HTTP against a server process (`npm run fuzz` is the full run). No finding may remain.
 */
import { afterAll, expect, it } from 'vitest';
import { loadSpec, SpecRouter } from '../sandbox/spec';
import { httpTarget } from './http';
import { inProcessTarget } from './inProcess';
import { runFuzz } from './run';
import type { Target } from './target';

const targets: Target[] = [];
afterAll(async () => {
  for (const target of targets) await target.close();
});

it('finds no 5xx, no error outside {code, message}, no undeclared status and no answer unlike the description', async () => {
  const spec = loadSpec();
  const router = new SpecRouter(spec);
  const inProcess = inProcessTarget(router);
  // The Global endpoint (local-g) too: the same operations on the operator's other coverage.
  const global = inProcessTarget(router, { coverage: 'g' });
  targets.push(inProcess, global);
  const http = await httpTarget();
  targets.push(http);
  const report = await runFuzz({
    spec,
    seed: 20261207,
    requests: 12,
    targets: [
      { target: inProcess, requests: 12 },
      { target: global, requests: 3 },
      { target: http, requests: 2 },
    ],
  });
  const findings = report.findings.map(
    (f) => `[${f.kind}] ${f.target} ${f.operationId}#${f.index} ${f.caseKind} as ${f.caller}: ${f.detail}`,
  );
  expect(findings).toEqual([]);
  // The run did reach every operation it should, with broken requests as well as valid ones.
  expect(report.operations).toBeGreaterThanOrEqual(100);
  expect(report.cases.valid).toBeGreaterThan(300);
  expect(Object.keys(report.cases).length).toBeGreaterThan(25);
  expect(report.statuses['200']).toBeGreaterThan(100);
}, 180_000);
