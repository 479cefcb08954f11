/** The in-process fuzz target keeps each case on a sandbox where the demo account exists. */
import { afterEach, expect, it } from 'vitest';
import { demo } from '../sandbox/seed';
import { loadSpec, SpecRouter } from '../sandbox/spec';
import { type FuzzCase, operationsOf } from './cases';
import { inProcessTarget } from './inProcess';
import type { Target } from './target';

const call = (method: string, path: string): FuzzCase => ({
  operationId: 'probe',
  index: 0,
  kind: 'valid',
  caller: 'root',
  method,
  path,
  search: '',
  headers: {},
});

let target: Target | undefined;
afterEach(async () => {
  await target?.close();
});

it('starts again from the seed after a case deleted the demo operator', async () => {
  const spec = loadSpec();
  const deleteOperator = operationsOf(spec).find((op) => op.operationId === 'sandboxDeleteOperator');
  if (!deleteOperator) throw new Error('the description has no sandboxDeleteOperator');
  target = inProcessTarget(new SpecRouter(spec), { fleet: 2 });
  await target.begin(deleteOperator);
  const operator = `/operators/${demo.operatorId}`;
  expect((await target.send(call('GET', operator))).status).toBe(200);

  const deleted = await target.send(call('DELETE', `/sandbox/operators/${demo.operatorId}`));
  expect(deleted.status).toBeLessThan(300);

  const after = await target.send(call('GET', operator));
  expect(after.status).toBe(200);
  expect(JSON.parse(after.text)).toMatchObject({ operatorId: demo.operatorId, email: demo.email });
});
