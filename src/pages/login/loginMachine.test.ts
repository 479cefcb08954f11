import { describe, expect, it } from 'vitest';
import { MFA_REQUIRED_CODE } from '../../../common/soracomCodes';
import { ApiError } from '../../api/errors';
import { initialLoginState, type LoginError, type LoginState, loginReducer } from './loginMachine';

const pending: LoginState = { step: 'credentials', pending: true, error: null };
const mfaPending: LoginState = { step: 'mfa', pending: true, error: null };

const fail = (state: LoginState, error: unknown, withMfaCode = false) =>
  loginReducer(state, { type: 'failed', error, withMfaCode });

describe('loginReducer', () => {
  it('starts on the credentials step, idle, without an error', () => {
    expect(initialLoginState).toEqual({ step: 'credentials', pending: false, error: null });
  });

  describe('submit', () => {
    it('sets pending', () => {
      expect(loginReducer(initialLoginState, { type: 'submit' })).toEqual(pending);
    });

    it('clears the previous error', () => {
      const failed: LoginState = { step: 'credentials', pending: false, error: 'failed' };
      expect(loginReducer(failed, { type: 'submit' })).toEqual(pending);
    });

    it('stays on the MFA step', () => {
      const mfaFailed: LoginState = { step: 'mfa', pending: false, error: 'mfaFailed' };
      expect(loginReducer(mfaFailed, { type: 'submit' })).toEqual(mfaPending);
    });

    it('changes nothing while a request is already pending', () => {
      expect(loginReducer(pending, { type: 'submit' })).toBe(pending);
    });
  });

  describe('failed', () => {
    it('moves to the MFA step when the API asks for a code that was not sent', () => {
      const error = new ApiError(401, MFA_REQUIRED_CODE, 'MFA code required');
      expect(fail(pending, error, false)).toEqual({ step: 'mfa', pending: false, error: null });
    });

    it("says 'mfaFailed' when the code that was sent is refused", () => {
      const error = new ApiError(401, MFA_REQUIRED_CODE, 'Invalid MFA code');
      expect(fail(mfaPending, error, true)).toEqual({ step: 'mfa', pending: false, error: 'mfaFailed' });
    });

    it("says 'mfaFailed' on the credentials step too when a code was given up front", () => {
      const error = new ApiError(401, MFA_REQUIRED_CODE, 'Invalid MFA code');
      expect(fail(pending, error, true)).toEqual({ step: 'credentials', pending: false, error: 'mfaFailed' });
    });

    it.each<[string, unknown, LoginError]>([
      ['401 with another code', new ApiError(401, 'AUM0003', 'Authentication failed.'), 'failed'],
      ['400', new ApiError(400, 'AUM0004', 'Bad request'), 'failed'],
      ['403', new ApiError(403, 'AUM0002', 'Forbidden'), 'failed'],
      ['404', new ApiError(404, 'HTTP404', 'Not Found'), 'failed'],
      ['429', new ApiError(429, 'COM0009', 'Too many requests', 7000), 'rateLimited'],
      ['status 0 (network)', ApiError.network(new TypeError('Failed to fetch')), 'network'],
      ['500', new ApiError(500, 'HTTP500', 'Internal Server Error'), 'server'],
      ['503', new ApiError(503, 'HTTP503', 'Service Unavailable'), 'server'],
      ['a plain Error', new Error('incomplete /auth answer'), 'server'],
      ['a TypeError (chunk failed to load)', new TypeError('Failed to fetch dynamically imported module'), 'server'],
    ])('maps %s to %j, staying on the credentials step', (_label, error, expected) => {
      expect(fail(pending, error)).toEqual({ step: 'credentials', pending: false, error: expected });
    });

    it.each<[string, unknown, LoginError]>([
      ['429', new ApiError(429, 'COM0009', 'x'), 'rateLimited'],
      ['status 0', ApiError.network(new TypeError('x')), 'network'],
      ['500', new ApiError(500, 'HTTP500', 'x'), 'server'],
      ['401 with another code', new ApiError(401, 'AUM0003', 'x'), 'failed'],
    ])('maps %s to %j on the MFA step, staying there', (_label, error, expected) => {
      expect(fail(mfaPending, error, true)).toEqual({ step: 'mfa', pending: false, error: expected });
    });

    it('does not ask for a code when a non-401 carries the MFA code', () => {
      const error = new ApiError(400, MFA_REQUIRED_CODE, 'x');
      expect(fail(pending, error)).toEqual({ step: 'credentials', pending: false, error: 'failed' });
    });
  });

  describe('succeeded', () => {
    it('clears pending and any error', () => {
      expect(loginReducer(pending, { type: 'succeeded' })).toEqual(initialLoginState);
      expect(loginReducer(mfaPending, { type: 'succeeded' })).toEqual({ step: 'mfa', pending: false, error: null });
    });
  });

  describe('back', () => {
    it('returns to the initial state from the MFA step', () => {
      const mfaFailed: LoginState = { step: 'mfa', pending: false, error: 'mfaFailed' };
      expect(loginReducer(mfaFailed, { type: 'back' })).toEqual(initialLoginState);
    });

    it('returns to the initial state from anywhere', () => {
      expect(loginReducer(pending, { type: 'back' })).toEqual(initialLoginState);
    });
  });

  it('walks the whole MFA sign-in', () => {
    let state = loginReducer(initialLoginState, { type: 'submit' });
    state = fail(state, new ApiError(401, MFA_REQUIRED_CODE, 'MFA required'), false);
    expect(state.step).toBe('mfa');
    state = loginReducer(state, { type: 'submit' });
    state = fail(state, new ApiError(401, MFA_REQUIRED_CODE, 'bad code'), true);
    expect(state).toEqual({ step: 'mfa', pending: false, error: 'mfaFailed' });
    state = loginReducer(state, { type: 'submit' });
    expect(state).toEqual(mfaPending);
    state = loginReducer(state, { type: 'succeeded' });
    expect(state).toEqual({ step: 'mfa', pending: false, error: null });
  });

  it('does not change the state it is given', () => {
    const before: LoginState = { step: 'credentials', pending: false, error: 'failed' };
    const copy = { ...before };
    loginReducer(before, { type: 'submit' });
    fail(before, new ApiError(500, 'x', 'x'));
    expect(before).toEqual(copy);
  });
});
