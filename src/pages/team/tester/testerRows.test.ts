import { describe, expect, it } from 'vitest';
import { parsePermission, type SourcedPermission } from '../../../../common/permissions';
import type { TFunction } from '../../../app/i18n';
import { explain, testerRows } from './testerRows';

const t: TFunction = (key, options) => `${key}${options ? JSON.stringify(options) : ''}`;
const doc = (text: string) => {
  const parsed = parsePermission(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.permission;
};
const ops = [
  { service: 'Sim', operationId: 'listSims', method: 'GET', path: '/sims' },
  { service: 'Sim', operationId: 'terminateSim', method: 'POST', path: '/sims/{sim_id}/terminate' },
  { service: 'Billing', operationId: 'getBilling', method: 'GET', path: '/bills/{yyyyMM}' },
];

describe('the permission tester', () => {
  it('says for each operation which statement of which source decides, or that none allows it', () => {
    const sources: SourcedPermission[] = [
      {
        source: { kind: 'role', roleId: 'viewer' },
        permission: doc('{"statements":[{"effect":"allow","api":"Sim:*"}]}'),
      },
      { source: { kind: 'user' }, permission: doc('{"statements":[{"effect":"deny","api":"Sim:terminateSim"}]}') },
    ];
    const rows = testerRows(sources, ops, { samUserName: 'alice', now: Date.now(), pathVariables: {} });
    expect(rows.map((row) => [row.operation.operationId, row.decision.allowed, explain(row.decision, t)])).toEqual([
      ['listSims', true, 'team.tester.allowedBy{"n":1,"source":"team.tester.source.role{\\"id\\":\\"viewer\\"}"}'],
      ['terminateSim', false, 'team.tester.deniedBy{"n":1,"source":"team.tester.source.user"}'],
      ['getBilling', false, 'team.tester.noStatement'],
    ]);
  });
});
