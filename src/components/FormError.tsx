import { Alert } from '@mantine/core';
import { useTranslation } from '../app/i18n';
import { errorMessage } from '../lib/errorMessage';

/** A failed form submission: SORACOM's explanation, or "wait N seconds" while rate-limited. */
export function FormError({ error, retryIn }: { error: unknown; retryIn: number }) {
  const { t } = useTranslation();
  if (!error) return null;
  const { message, code } = errorMessage(error, t);
  return (
    <Alert color="red" role="alert">
      {retryIn > 0 ? t('errors.retryIn', { seconds: retryIn }) : `${message}${code ? ` (${code})` : ''}`}
    </Alert>
  );
}
