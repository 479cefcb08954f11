/** The team screens, behind their permission gate; one chunk (they share the permission editor and the catalogue). */
import { gatedScreen as gated } from '../../components/access/ScreenGate';
import { AuditLogPage as AuditLog } from './audit/AuditLogPage';
import { DefaultPermissionsPage as Defaults } from './DefaultPermissionsPage';
import { RolePage as Role } from './RolePage';
import { RolesPage as Roles } from './RolesPage';
import { PermissionTesterPage as Tester } from './tester/PermissionTesterPage';
import { UserPage as User } from './UserPage';
import { UsersPage as Users } from './UsersPage';

export const UsersPage = gated('users', Users);
export const UserPage = gated('users', User);
export const RolesPage = gated('roles', Roles);
export const RolePage = gated('roles', Role);
export const DefaultPermissionsPage = gated('defaultPermissions', Defaults);
export const PermissionTesterPage = gated('tester', Tester);
export const AuditLogPage = gated('auditLog', AuditLog);
