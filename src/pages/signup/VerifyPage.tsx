import { Anchor, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { authChanges } from '../../api/resources/auth';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { PublicLayout } from '../../components/layout/PublicLayout';

type State = 'verifying' | 'verified' | 'invalid';

/** The link from the sign-up mail: confirms the address (`POST /operators/verify`) once, then offers sign-in. */
export function VerifyPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const endpoint = params.get('endpoint') ?? 'local';
  const verify = useChange(authChanges.verifyEmail(endpoint));
  const sent = useRef(false);
  const state: State = !token || verify.error ? 'invalid' : verify.done ? 'verified' : 'verifying';

  useEffect(() => {
    // Once only, even when React runs effects twice in development: a token works a single time.
    if (!token || sent.current) return;
    sent.current = true;
    void verify.submit(token);
  }, [token, verify.submit]);

  return (
    <PublicLayout title={t('verify.title')}>
      <Stack gap="sm" role="status" aria-busy={state === 'verifying'}>
        {state === 'verifying' ? (
          <>
            <Loader size="sm" aria-hidden="true" />
            <Text>{t('verify.verifying')}</Text>
          </>
        ) : null}
        {state === 'verified' ? <Text>{t('verify.done')}</Text> : null}
        {state === 'invalid' ? <Text>{t('verify.invalid')}</Text> : null}
        <Anchor component={Link} to={state === 'invalid' ? '/signup' : '/login'}>
          {state === 'invalid' ? t('verify.signUpAgain') : t('public.toLogin')}
        </Anchor>
      </Stack>
    </PublicLayout>
  );
}
