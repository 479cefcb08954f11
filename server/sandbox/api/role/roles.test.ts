/** Operator-managed roles, and the roles of a user. */
import { beforeEach, describe, expect, it } from 'vitest';
import { type ContractSandbox, type Credentials, createContractSandbox, demo } from '../../../test/contract';
import { permissionText } from '../../../test/sam';
import { codes } from '../../errors';
import { teamLimits } from '../../guesses';
import { demoRoles } from '../../seedTeam';

let s: ContractSandbox;
let root: Credentials;
beforeEach(async () => {
  s = createContractSandbox({ fleet: 0 });
  root = await s.loginRoot();
});

const roles = `/operators/${demo.operatorId}/roles`;
const userRoles = (userName: string = demo.userName) => `/operators/${demo.operatorId}/users/${userName}/roles`;
const call = (method: string, path: string, body?: unknown) => s.call(method, path, { auth: root, body });
const allowSims = permissionText({ effect: 'allow', api: 'Sim:*' });

describe('roles', () => {
  it('are created (200 {roleId}), read, updated and listed', async () => {
    const created = await call('POST', `${roles}/field-team`, { permission: allowSims, description: 'Field' });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ roleId: 'field-team' });
    const seconds = Math.floor(s.clock.now / 1000);
    expect((await call('GET', `${roles}/field-team`)).body).toEqual({
      roleId: 'field-team',
      roleName: 'field-team',
      owner: 'operator',
      description: 'Field',
      permission: allowSims,
      createDateTime: seconds,
      updateDateTime: seconds,
    });
    s.clock.advance(5000);
    const other = permissionText({ effect: 'allow', api: 'Group:*' });
    expect((await call('PUT', `${roles}/field-team`, { permission: other })).status).toBe(200);
    const updated = (await call('GET', `${roles}/field-team`)).body;
    expect(updated).toMatchObject({ permission: other, description: '', updateDateTime: seconds + 5 });

    const list = await call('GET', roles);
    expect(list.body.map((role: { roleId: string }) => role.roleId)).toEqual(
      [...demoRoles.map((role) => role.roleId), 'field-team'].sort(),
    );
    expect(list.body[0].permission).toBeUndefined();
    expect((await call('GET', `${roles}?owner=all`)).body).toHaveLength(demoRoles.length + 1);
    expect((await call('GET', `${roles}?owner=soracom`)).body).toEqual([]);
    expect((await call('GET', `${roles}?owner=nobody`)).status).toBe(400);
  });

  it('answer 404 for an unknown or Soracom-managed role, and 400 for versions of an operator role', async () => {
    expect((await call('GET', `${roles}/nope`)).status).toBe(404);
    expect((await call('PUT', `${roles}/nope`, { permission: allowSims })).status).toBe(404);
    expect((await call('DELETE', `${roles}/nope`)).status).toBe(404);
    expect((await call('GET', `${roles}/nope/users`)).status).toBe(404);
    const srn = encodeURIComponent('srn:soracom:::Role:ViewerAccess');
    expect((await call('GET', `${roles}/${srn}`)).status).toBe(404);
    expect((await call('GET', `${roles}/${srn}/versions`)).status).toBe(404);
    expect((await call('GET', `${roles}/viewer/versions`)).status).toBe(400);
  });

  it('refuse a duplicate, a bad ID, a bad permission, a long description, and more than the limit', async () => {
    const again = await call('POST', `${roles}/viewer`, { permission: allowSims });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe(codes.alreadyExists);
    expect((await call('POST', `${roles}/${encodeURIComponent('has space')}`, { permission: allowSims })).status).toBe(
      400,
    );
    expect((await call('POST', `${roles}/${'r'.repeat(101)}`, { permission: allowSims })).status).toBe(400);
    const bad = await call('POST', `${roles}/bad`, { permission: '{"statements":[{"effect":"allow"}]}' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(codes.permissionInvalid);
    expect((await call('POST', `${roles}/bad`, {})).status).toBe(400);
    expect((await call('POST', `${roles}/long`, { permission: allowSims, description: 'x'.repeat(1001) })).status).toBe(
      400,
    );
    expect((await call('GET', `${roles}/bad`)).status).toBe(404);

    const insert = s.db.prepare(
      `INSERT INTO roles (operator_id, role_id, permission, created_at, updated_at) VALUES (?, ?, '{"statements":[]}', 0, 0)`,
    );
    for (let i = demoRoles.length; i < teamLimits.rolesPerOperator; i++) insert.run(demo.operatorId, `bulk-${i}`);
    const over = await call('POST', `${roles}/one-too-many`, { permission: allowSims });
    expect(over.status).toBe(400);
    expect(over.body.code).toBe(codes.limitExceeded);
  });

  it('are not deleted while attached (400 SAM0002); once detached, they are (204)', async () => {
    const inUse = await call('DELETE', `${roles}/viewer`);
    expect(inUse.status).toBe(400);
    expect(inUse.body.code).toBe(codes.roleInUse);
    const attached = await call('GET', `${roles}/viewer/users`);
    expect(attached.body.map((user: { userName: string }) => user.userName)).toEqual(['demo-viewer']);
    expect(attached.body[0].roleList[0].roleId).toBe('viewer');
    expect((await call('DELETE', `${userRoles('demo-viewer')}/viewer`)).status).toBe(200);
    expect((await call('DELETE', `${roles}/viewer`)).status).toBe(204);
    expect((await call('GET', `${roles}/viewer`)).status).toBe(404);
  });
});

describe('roles of a user', () => {
  it('are attached (200), listed with their permission, and detached (200)', async () => {
    expect((await call('GET', userRoles())).body).toEqual([]);
    expect((await call('POST', userRoles(), { roleId: 'viewer' })).status).toBe(200);
    const list = await call('GET', userRoles());
    expect(list.body).toEqual([expect.objectContaining({ roleId: 'viewer', owner: 'operator' })]);
    expect(JSON.parse(list.body[0].permission).statements.length).toBeGreaterThan(0);
    expect((await call('DELETE', `${userRoles()}/viewer`)).status).toBe(200);
    expect((await call('GET', userRoles())).body).toEqual([]);
  });

  it('refuse a role already attached or unknown (400), an unknown user (404), a role not attached (404)', async () => {
    await call('POST', userRoles(), { roleId: 'viewer' });
    expect((await call('POST', userRoles(), { roleId: 'viewer' })).status).toBe(400);
    expect((await call('POST', userRoles(), { roleId: 'nope' })).status).toBe(400);
    expect((await call('POST', userRoles(), {})).status).toBe(400);
    expect((await call('POST', userRoles('nobody'), { roleId: 'viewer' })).status).toBe(404);
    expect((await call('GET', userRoles('nobody'))).status).toBe(404);
    expect((await call('DELETE', `${userRoles()}/billing-reviewer`)).status).toBe(404);
  });

  it('are at most the limit per user', async () => {
    const insert = s.db.prepare(
      `INSERT INTO roles (operator_id, role_id, permission, created_at, updated_at) VALUES (?, ?, '{"statements":[]}', 0, 0)`,
    );
    for (let i = 0; i <= teamLimits.rolesPerUser; i++) insert.run(demo.operatorId, `r-${i}`);
    for (let i = 0; i < teamLimits.rolesPerUser; i++) {
      expect((await call('POST', userRoles(), { roleId: `r-${i}` })).status).toBe(200);
    }
    const over = await call('POST', userRoles(), { roleId: `r-${teamLimits.rolesPerUser}` });
    expect(over.status).toBe(400);
    expect(over.body.code).toBe(codes.limitExceeded);
  });
});
