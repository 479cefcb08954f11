import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { accessQueries } from '../../api/resources/access';
import { type ScreenId, screenById } from '../../api/screenOperations';
import { useSession } from '../../api/session';
import { useTranslation } from '../../app/i18n';
import { anyAllowed, verdictFor } from '../../lib/access';

export interface Access {
  /** Why `api` (`Service:operationId`) may not be called, or null when it may (or cannot be known). */
  refusal: (api: string, pathVariables?: Record<string, string>) => string | null;
  /** Whether the screen's first calls are allowed (the navigation shows it). */
  mayOpen: (screen: ScreenId) => boolean;
}

/**
 * The signed-in account's access, for hiding and disabling. The root account may do anything; a SAM user's
 * permissions are read once and evaluated here with the sandbox's evaluator.
 */
export function useAccess(): Access {
  const session = useSession();
  const { t } = useTranslation();
  const userName = session?.userName;
  const known = useQuery({
    ...accessQueries.mine(session?.operatorId ?? '', userName ?? ''),
    enabled: Boolean(session && userName),
  });
  const data = userName ? (known.data ?? null) : null;
  return useMemo(() => {
    const context = { samUserName: userName ?? '' };
    return {
      refusal: (api, pathVariables) => {
        const verdict = verdictFor(data, api, { ...context, pathVariables });
        if (verdict.allowed) return null;
        return verdict.decision.reason === 'denied' ? t('access.denied', { api }) : t('access.notAllowed', { api });
      },
      mayOpen: (screen) => anyAllowed(data, screenById(screen).opens, context),
    };
  }, [data, userName, t]);
}
