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
  // SIMs and groups
  'GET /sims',
  'GET /sims/{sim_id}',
  'GET /groups',
];
