import { useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { reauth } from '../../api/reauth';
import { type EndReason, sessionStore } from '../../api/session';

/** Revokes the key and token on the API, then forgets them here even if the API could not be reached. */
export function useLogout(reason: EndReason = 'signedOut') {
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const running = useRef(false);
  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setPending(true);
    // Signing out ends any wait for a re-login: what was not saved is given up.
    if (reauth.get()) reauth.complete(null);
    try {
      await api.POST('/auth/logout');
    } catch {
      // The session is dropped locally all the same; an unrevoked token expires on its own.
    } finally {
      sessionStore.clear(reason);
      running.current = false;
      setPending(false);
      // A deliberate sign-out starts afresh at /login; otherwise the layout sends the user to sign in and come back.
      if (reason === 'signedOut') navigate('/login', { replace: true });
    }
  }, [navigate, reason]);
  return { run, pending };
}
