import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { sessionStore } from '../../api/session';

/** Revokes the key and token on the API, then forgets them here even if the API could not be reached. */
export function useLogout() {
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  async function run() {
    if (pending) return;
    setPending(true);
    try {
      await api.POST('/auth/logout');
    } catch {
      // The session is dropped locally all the same; an unrevoked token expires on its own.
    } finally {
      sessionStore.clear('signedOut');
      setPending(false);
      navigate('/login', { replace: true });
    }
  }
  return { run, pending };
}
