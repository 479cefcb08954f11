/**
 * The error code the local sandbox answers `POST /auth` with when an MFA code is needed or wrong.
 * SORACOM does not document its answer (only that it is a 401), so this is our own constant; against the real API
 * the login form also offers "I have an MFA code" up front.
 */
export const MFA_REQUIRED_CODE = 'AUM0006';
