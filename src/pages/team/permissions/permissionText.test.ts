import { describe, expect, it } from 'vitest';
import { permissionChanges, validatePermissionText, withStatement } from './permissionText';

describe('the permission editor', () => {
  it('says what is wrong as it is typed, and accepts an empty text only where that removes the permission', () => {
    expect(validatePermissionText('{"statements": [', true)).toEqual({
      ok: false,
      message: 'The permission is not valid JSON.',
    });
    expect(validatePermissionText('{"statements":[{"effect":"maybe","api":"Sim:*"}]}', true)).toMatchObject({
      ok: false,
    });
    expect(validatePermissionText('', true)).toEqual({ ok: true });
    expect(validatePermissionText(' ', false)).toEqual({ ok: false, required: true });
    expect(validatePermissionText('{"statements":[{"effect":"allow","api":"Sim:list*"}]}', false)).toEqual({
      ok: true,
    });
  });

  it('adds a statement to a valid text, and never overwrites one that is not', () => {
    const added = withStatement('', { effect: 'deny', api: ['Sim:terminateSim'] });
    expect(JSON.parse(added ?? '')).toEqual({ statements: [{ effect: 'deny', api: ['Sim:terminateSim'] }] });
    expect(withStatement('{oops', { effect: 'allow', api: ['*'] })).toBeNull();
  });

  it('lists the statements that change before saving', () => {
    const before = '{"statements":[{"effect":"allow","api":"Sim:*"}]}';
    const after = '{"statements":[{"effect":"deny","api":"Sim:*"},{"effect":"allow","api":"Group:*"}]}';
    expect(permissionChanges(before, after).map((c) => [c.kind, c.path[0]])).toEqual([
      ['changed', 'statements[0]'],
      ['added', 'statements[1]'],
    ]);
  });
});
