import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { t } from '../app/i18n';
import { errorMessage } from './errorMessage';

describe('errorMessage', () => {
  it('explains a permission refusal in the user’s words and keeps the code for support', () => {
    const shown = errorMessage(new ApiError(403, 'AUM0002', 'You are not allowed to access this resource.'), t);
    expect(shown).toEqual({ message: t('errors.forbidden'), code: 'AUM0002' });
    expect(shown.message).not.toContain('not allowed to access');
  });

  it('shows SORACOM’s own message for the 403s that are not about permissions', () => {
    expect(errorMessage(new ApiError(403, 'MFA0003', 'The backup code is not valid or has been used.'), t)).toEqual({
      message: 'The backup code is not valid or has been used.',
      code: 'MFA0003',
    });
    expect(errorMessage(new ApiError(403, 'AUM0003', 'Invalid email address or password.'), t).message).toBe(
      'Invalid email address or password.',
    );
  });

  it('shows the message of other client errors, and general words for the network, 429 and 5xx', () => {
    expect(errorMessage(new ApiError(400, 'SEM0001', 'The tag name is too long.'), t).message).toBe(
      'The tag name is too long.',
    );
    expect(errorMessage(new ApiError(0, 'NETWORK', 'Failed to fetch'), t).message).toBe(t('errors.network'));
    expect(errorMessage(new ApiError(429, 'COM0429', 'Slow down'), t).message).toBe(t('errors.rateLimited'));
    expect(errorMessage(new ApiError(503, 'HTTP503', 'Service Unavailable'), t)).toEqual({
      message: t('errors.server'),
      code: 'HTTP503',
    });
    expect(errorMessage(new TypeError('x'), t).message).toBe(t('errors.unexpected'));
  });
});
