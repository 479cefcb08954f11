import { ApiError } from '../api/errors';
import type { TFunction } from '../app/i18n';

/**
 * 403s that are no permission refusal: the description answers MFA recovery's wrong credentials (AUM0003) and wrong
 * or used backup code (MFA0003) with 403, and their own message says what went wrong.
 */
const selfExplainedRefusals = new Set(['AUM0003', 'MFA0003']);

/** A failed call in words a user can act on. SORACOM's own message is shown for client errors it explains. */
export function errorMessage(error: unknown, t: TFunction): { message: string; code?: string } {
  if (error instanceof ApiError) {
    if (error.status === 0) return { message: t('errors.network') };
    // The permissions of a SAM user refuse it: say so in the user's words, keep SORACOM's code for support.
    if (error.status === 403 && !selfExplainedRefusals.has(error.code))
      return { message: t('errors.forbidden'), code: error.code };
    if (error.status === 429) return { message: t('errors.rateLimited'), code: error.code };
    if (error.status >= 500) return { message: t('errors.server'), code: error.code };
    return { message: error.message, code: error.code };
  }
  return { message: t('errors.unexpected') };
}
