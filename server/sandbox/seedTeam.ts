/**
 * The demo team: roles as a team lead would make them, and a SAM user for each, with obviously fake local passwords
 * (printed by the server at start like the others). `demo-user` keeps no permission at all.
 */
import type { Stores } from './context';

/** Lets a user read their own user, permission, roles, MFA status and auth keys, so the console knows what they may do. */
const ownAccount = {
  effect: 'allow',
  api: [
    'User:getUser',
    'User:getUserPermission',
    'Role:listUserRoles',
    'User:getUserMFAStatus',
    'User:listUserAuthKeys',
  ],
  condition: "pathVariable('user_name') == samUserName",
} as const;
/** The default permissions apply to every user too; reading them completes the picture of what a user may do. */
const defaultsAndOperator = { effect: 'allow', api: ['User:getDefaultPermissions', 'Operator:getOperator'] } as const;

const permission = (...statements: readonly object[]) => JSON.stringify({ statements }, null, 2);

export const demoRoles = [
  {
    roleId: 'viewer',
    description: 'Read-only: SIMs, groups, usage, billing and exported files',
    permission: permission(
      {
        effect: 'allow',
        api: [
          'Sim:list*',
          'Sim:get*',
          'Subscriber:list*',
          'Subscriber:get*',
          'Group:list*',
          'Group:get*',
          'Query:*',
          'Stats:get*',
          'Billing:get*',
          'Files:get*',
        ],
      },
      defaultsAndOperator,
      ownAccount,
    ),
  },
  {
    roleId: 'sim-operator',
    description: 'SIM and group operations, but no termination',
    permission: permission(
      { effect: 'allow', api: ['Sim:*', 'Subscriber:*', 'Group:*', 'Query:*', 'Stats:get*'] },
      {
        effect: 'deny',
        api: [
          'Sim:terminateSim',
          'Sim:enableSimTermination',
          'Subscriber:terminateSubscriber',
          'Subscriber:enableTermination',
        ],
      },
      defaultsAndOperator,
      ownAccount,
    ),
  },
  {
    roleId: 'billing-reviewer',
    description: 'Bills, payments, usage statistics and their exported files',
    permission: permission(
      { effect: 'allow', api: ['Billing:*', 'Payment:get*', 'Payment:list*', 'Stats:*', 'Files:*'] },
      defaultsAndOperator,
      ownAccount,
    ),
  },
] as const;

/** Obviously fake, local-only credentials of the demo team. */
export const demoTeam = [
  { userName: 'demo-viewer', password: 'demo-viewer-password', roleId: 'viewer', description: 'Demo read-only user' },
  {
    userName: 'demo-operator',
    password: 'demo-operator-password',
    roleId: 'sim-operator',
    description: 'Demo SIM operator',
  },
  {
    userName: 'demo-billing',
    password: 'demo-billing-password',
    roleId: 'billing-reviewer',
    description: 'Demo billing reviewer',
  },
] as const;

export function seedTeam(stores: Stores, operatorId: string, now: number): void {
  for (const role of demoRoles) {
    stores.roles.create({ operatorId, ...role }, now);
  }
  for (const user of demoTeam) {
    stores.users.create(operatorId, user.userName, user.description, now);
    stores.users.setPassword(operatorId, user.userName, user.password, now);
    stores.roles.attach(operatorId, user.userName, user.roleId, now);
  }
}
