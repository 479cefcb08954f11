import { useReducer, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { SignIn } from '../../api/resources/auth';
import { initialLoginState, loginReducer } from './loginMachine';

export interface Credentials {
  mode: 'root' | 'sam';
  endpoint: string;
  email: string;
  operatorId: string;
  userName: string;
  password: string;
  mfaCode: string;
}

/** What the form asks to sign in with: only the chosen account type's fields. */
export function signInRequest(c: Credentials): SignIn {
  return {
    endpoint: c.endpoint,
    account: c.mode === 'root' ? { email: c.email } : { operatorId: c.operatorId, userName: c.userName },
    password: c.password,
    mfaCode: c.mfaCode,
  };
}

/** The auth calls (and the API client they bring) are fetched when first needed, not with the page: it shows sooner. */
export const loadAuth = () => import('../../api/resources/auth');

/**
 * The login flow, and the one screen that sends its call without `useChange`: its route is in the entry chunk, which
 * stays free of React Query (no provider above it) so a first visit loads little. The pure reducer of loginMachine.ts
 * carries what `useMutation` would (pending, errors) plus the MFA step; a ref keeps it to one request at a time.
 */
export function useLogin(returnTo: string) {
  const [state, dispatch] = useReducer(loginReducer, initialLoginState);
  const [lastError, setLastError] = useState<unknown>(null);
  const navigate = useNavigate();
  const inFlight = useRef(false);

  async function submit(credentials: Credentials) {
    // One request at a time, however fast the button is pressed.
    if (inFlight.current) return;
    inFlight.current = true;
    dispatch({ type: 'submit' });
    setLastError(null);
    try {
      const { signIn } = await loadAuth();
      await signIn(signInRequest(credentials));
      dispatch({ type: 'succeeded' });
      navigate(returnTo, { replace: true });
    } catch (error) {
      setLastError(error);
      dispatch({ type: 'failed', error, withMfaCode: credentials.mfaCode.trim() !== '' });
    } finally {
      inFlight.current = false;
    }
  }

  return { state, lastError, submit, back: () => dispatch({ type: 'back' }) };
}
