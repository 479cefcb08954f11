import type { Session } from '../../api/session';
import { IdleGuard } from './IdleGuard';
import { ReLoginDialog } from './ReLoginDialog';
import { useTokenRefresh } from './useTokenRefresh';

/** What keeps a signed-in session going (token refresh) and ends it safely (idle timeout, re-login in place). */
export function SessionServices({ session }: { session: Session }) {
  useTokenRefresh(session);
  return (
    <>
      <IdleGuard />
      <ReLoginDialog />
    </>
  );
}
