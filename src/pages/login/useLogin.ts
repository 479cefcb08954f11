import { useReducer, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { defaultTokenTimeoutSeconds, sessionStore } from '../../api/session';
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

/** The request body `POST /auth` takes for these credentials. */
export function authBody(c: Credentials) {
  const code = c.mfaCode.trim() ? { mfaOTPCode: c.mfaCode.trim() } : {};
  return c.mode === 'root'
    ? { email: c.email.trim(), password: c.password, ...code }
    : { operatorId: c.operatorId.trim(), userName: c.userName.trim(), password: c.password, ...code };
}

/** The typed client is fetched when it is first needed, not with the page: the login page shows sooner. */
export const loadClient = () => import('../../api/client');

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
      const { api, apiBase } = await loadClient();
      const { data } = await api.POST('/auth', {
        baseUrl: apiBase(credentials.endpoint),
        body: { ...authBody(credentials), tokenTimeoutSeconds: defaultTokenTimeoutSeconds },
      });
      if (!data?.apiKey || !data.token || !data.operatorId) throw new Error('incomplete /auth answer');
      sessionStore.set({
        endpoint: credentials.endpoint,
        apiKey: data.apiKey,
        token: data.token,
        operatorId: data.operatorId,
        ...(data.userName ? { userName: data.userName } : {}),
        ...(credentials.mode === 'root' ? { email: credentials.email.trim() } : {}),
        tokenTimeoutSeconds: defaultTokenTimeoutSeconds,
        expiresAt: Date.now() + defaultTokenTimeoutSeconds * 1000,
      });
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
