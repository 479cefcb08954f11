import { Alert } from '@mantine/core';
import { useTranslation } from '../app/i18n';
import { errorMessage } from '../lib/errorMessage';

/** The one way a failed call is shown: what happened in the user's words, with SORACOM's code for support. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const { message, code } = errorMessage(error, t);
  return (
    <Alert color="red" title={title ?? t('errors.title')} role="alert">
      {message}
      {code ? ` (${code})` : ''}
    </Alert>
  );
}
