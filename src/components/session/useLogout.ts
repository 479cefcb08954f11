import { useNavigate } from 'react-router';
import { authChanges } from '../../api/resources/auth';
import type { EndReason } from '../../api/session';
import { useChange } from '../../api/useChange';

/** Signs out (see `authChanges.signOut`): once however often it is asked, then off to /login when it was deliberate. */
export function useLogout(reason: EndReason = 'signedOut') {
  const navigate = useNavigate();
  const signOut = useChange(authChanges.signOut(reason));
  async function run() {
    if (!(await signOut.submit())) return;
    // A deliberate sign-out starts afresh at /login; otherwise the layout sends the user to sign in and come back.
    if (reason === 'signedOut') navigate('/login', { replace: true });
  }
  return { run, pending: signOut.pending };
}
