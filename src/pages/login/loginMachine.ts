/**
 * The login screen's states. Pure, so every path can be tested without a browser:
 *   credentials --submit--> pending --401 with the MFA code--> mfa step --submit--> pending --> signed in
 * Every credential mistake reads the same ("failed"), so the page never tells which part was wrong.
 */

import { MFA_REQUIRED_CODE } from '../../../common/soracomCodes';
import { ApiError } from '../../api/errors';

export type LoginStep = 'credentials' | 'mfa';
export type LoginError = 'failed' | 'mfaFailed' | 'network' | 'rateLimited' | 'server';

export interface LoginState {
  step: LoginStep;
  pending: boolean;
  error: LoginError | null;
}

export type LoginEvent =
  | { type: 'submit' }
  | { type: 'succeeded' }
  | { type: 'failed'; error: unknown; withMfaCode: boolean }
  | { type: 'back' };

export const initialLoginState: LoginState = { step: 'credentials', pending: false, error: null };

function classify(error: unknown): LoginError | 'mfaRequired' {
  if (!(error instanceof ApiError)) return 'server';
  if (error.status === 0) return 'network';
  if (error.status === 429) return 'rateLimited';
  if (error.status >= 500) return 'server';
  if (error.status === 401 && error.code === MFA_REQUIRED_CODE) return 'mfaRequired';
  return 'failed';
}

export function loginReducer(state: LoginState, event: LoginEvent): LoginState {
  switch (event.type) {
    case 'submit':
      return state.pending ? state : { ...state, pending: true, error: null };
    case 'succeeded':
      return { ...state, pending: false, error: null };
    case 'back':
      return initialLoginState;
    case 'failed': {
      const kind = classify(event.error);
      if (kind === 'mfaRequired') {
        // Asked for a code we did not send: ask for it. Sent one and it was refused: say so, generically.
        return event.withMfaCode
          ? { ...state, pending: false, error: 'mfaFailed' }
          : { step: 'mfa', pending: false, error: null };
      }
      return { ...state, pending: false, error: kind };
    }
  }
}
