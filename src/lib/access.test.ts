import { describe, expect, it } from 'vitest';
import { parsePermission } from '../../common/permissions';
import { screenById } from '../api/screenOperations';
import { anyAllowed, type KnownPermissions, verdictFor } from './access';

const viewer = (complete: boolean): KnownPermissions => {
  const parsed = parsePermission(
    '{"statements":[{"effect":"allow","api":["Sim:list*","Query:*"]},{"effect":"deny","api":"Sim:terminateSim"}]}',
  );
  if (!parsed.ok) throw new Error(parsed.message);
  return { sources: [{ source: { kind: 'role', roleId: 'viewer' }, permission: parsed.permission }], complete };
};
const ctx = { samUserName: 'viewer' };

describe('what the navigation and the actions show a SAM user', () => {
  it('hides screens the known permissions do not open, and shows all to the root account', () => {
    expect(anyAllowed(viewer(true), screenById('sims').opens, ctx)).toBe(true);
    expect(anyAllowed(viewer(true), screenById('users').opens, ctx)).toBe(false);
    expect(anyAllowed(viewer(true), screenById('account').opens, ctx)).toBe(true);
    expect(anyAllowed(null, screenById('users').opens, ctx)).toBe(true);
  });

  it('shows what it cannot rule out when part of the permissions is unreadable, but never what a statement denies', () => {
    expect(anyAllowed(viewer(false), screenById('users').opens, ctx)).toBe(true);
    expect(verdictFor(viewer(false), 'Sim:terminateSim', ctx)).toMatchObject({
      allowed: false,
      decision: { reason: 'denied' },
    });
    expect(verdictFor(viewer(true), 'Sim:activateSim', ctx)).toMatchObject({
      allowed: false,
      decision: { reason: 'not-allowed' },
    });
  });
});
