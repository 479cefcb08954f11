/**
 * `npm run fuzz [-- --seed N --requests N --http-share F --operation ID[,ID...] --out FILE]`: the fuzz suite over every
 * operation the sandbox has a handler for (server/fuzz/), in process and, for a share of the cases, against a server
 * process over HTTP. Writes its figures to bench/results/fuzz.json and exits 1 when there are findings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { httpTarget } from '../server/fuzz/http';
import { inProcessTarget } from '../server/fuzz/inProcess';
import { runFuzz } from '../server/fuzz/run';
import { loadSpec, SpecRouter } from '../server/sandbox/spec';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    requests: { type: 'string', default: '300' },
    'http-share': { type: 'string', default: '0.1' },
    operation: { type: 'string' },
    out: { type: 'string', default: 'bench/results/fuzz.json' },
    quiet: { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);
const requests = Number(values.requests);
const share = Number(values['http-share']);
if (!Number.isInteger(seed) || !Number.isInteger(requests) || requests < 1 || !(share >= 0 && share <= 1)) {
  console.error('--seed and --requests take whole numbers (requests at least 1), --http-share a fraction 0..1');
  process.exit(2);
}

const spec = loadSpec();
const inProcess = inProcessTarget(new SpecRouter(spec));
const http = share > 0 ? await httpTarget() : null;
const targets = [{ target: inProcess, requests }];
if (http) targets.push({ target: http, requests: Math.max(1, Math.round(requests * share)) });
try {
  const report = await runFuzz({
    spec,
    seed,
    requests,
    operations: values.operation?.split(',').map((s) => s.trim()),
    targets,
    log: values.quiet ? undefined : (line) => console.error(line),
  });
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), ...report }, null, 2)}\n`);
  console.log(
    `fuzz: seed ${seed}, ${report.operations} operations, ${Object.values(report.requests).reduce((a, b) => a + b, 0)} requests (${Object.entries(
      report.requests,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )}) in ${(report.durationMs / 1000).toFixed(1)} s; findings ${report.findings.length} ${JSON.stringify(report.findingsByKind)}; not fuzzed (no handler): ${report.withoutHandler.length}; figures in ${values.out}`,
  );
  if (report.withoutHandler.length > 0) console.log(`not fuzzed (no handler): ${report.withoutHandler.join(', ')}`);
  for (const finding of report.findings.slice(0, 20)) {
    console.log(
      `- [${finding.kind}] ${finding.target} ${finding.operationId}#${finding.index} ${finding.caseKind} as ${finding.caller}: ${finding.detail.split('\n')[0]}`,
    );
  }
  process.exitCode = report.findings.length > 0 ? 1 : 0;
} finally {
  await inProcess.close();
  await http?.close();
}
