/**
 * The SORACOM operations this console and its local sandbox use. `npm run api:generate` keeps exactly
 * these (plus the schemas they reach) in openapi/soracom.json. Grow this list as screens need more.
 * Every `/sandbox/*` operation of the API Sandbox description is merged in as well.
 */
export const operations: readonly string[] = [
  // Auth and session
  'POST /auth',
  'POST /auth/logout',
  'POST /operators/{operator_id}/token',
  'DELETE /operators/{operator_id}/tokens',
  'DELETE /operators/{operator_id}/users/{user_name}/tokens',
  // Password reset and MFA recovery (no key or token: the user cannot sign in)
  'POST /auth/password_reset_token/issue',
  'POST /auth/password_reset_token/verify',
  'POST /operators/mfa_revoke_token/issue',
  'POST /operators/mfa_revoke_token/verify',
  // Passwords and auth keys
  'POST /operators/{operator_id}/password',
  'PUT /operators/{operator_id}/users/{user_name}/password',
  'GET /operators/{operator_id}/auth_keys',
  'POST /operators/{operator_id}/auth_keys',
  'DELETE /operators/{operator_id}/auth_keys/{auth_key_id}',
  'GET /operators/{operator_id}/users/{user_name}/auth_keys',
  'POST /operators/{operator_id}/users/{user_name}/auth_keys',
  'DELETE /operators/{operator_id}/users/{user_name}/auth_keys/{auth_key_id}',
  // Operator and MFA
  'GET /operators/{operator_id}',
  'GET /operators/{operator_id}/mfa',
  'POST /operators/{operator_id}/mfa',
  'DELETE /operators/{operator_id}/mfa',
  'POST /operators/{operator_id}/mfa/verify',
  // SAM users
  'POST /operators/{operator_id}/users/{user_name}',
  'GET /operators/{operator_id}/users/{user_name}',
  'POST /operators/{operator_id}/users/{user_name}/password',
  'GET /operators/{operator_id}/users/{user_name}/mfa',
  'POST /operators/{operator_id}/users/{user_name}/mfa',
  'DELETE /operators/{operator_id}/users/{user_name}/mfa',
  'POST /operators/{operator_id}/users/{user_name}/mfa/verify',
  // SIMs and groups
  'GET /sims',
  'GET /sims/{sim_id}',
  'PUT /sims/{sim_id}/tags',
  'GET /groups',
  'POST /groups',
  'GET /groups/{group_id}',
  'DELETE /groups/{group_id}',
  'PUT /groups/{group_id}/tags',
  'DELETE /groups/{group_id}/tags/{tag_name}',
  'PUT /groups/{group_id}/configuration/{namespace}',
  'DELETE /groups/{group_id}/configuration/{namespace}',
  'DELETE /groups/{group_id}/configuration/{namespace}/{name}',
  'GET /groups/{group_id}/subscribers',
  'POST /sims/{sim_id}/set_group',
  'POST /sims/{sim_id}/unset_group',
  'POST /subscribers/{imsi}/set_group',
  'POST /subscribers/{imsi}/unset_group',
];
