import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Who } from '../../../api/resources/security';
import { securityActions } from '../../../api/resources/security';
import { useTranslation } from '../../../app/i18n';
import { CopyField } from '../../../components/CopyField';
import { FormError } from '../../../components/FormError';
import { QrCode } from '../../../components/QrCode';
import { otpDigits } from '../../../lib/otpCode';
import { useSubmit } from '../../../lib/useSubmit';

/** Step two of turning MFA on: scan the code (or type the secret), then prove it with a code from the app. */
export function MfaSetup({
  who,
  totpUri,
  onVerified,
  onCancel,
}: {
  who: Who;
  totpUri: string;
  onVerified: (backupCodes: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState(false);
  const secret = new URL(totpUri).searchParams.get('secret') ?? '';
  const action = useSubmit(async () => onVerified(await securityActions.verifyMfa(who, code.trim())));
  const valid = /^\d{6}$/.test(code.trim());

  return (
    <form
      noValidate
      aria-label={t('security.mfa.setupTitle')}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        setChecked(true);
        if (valid) void action.submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('security.mfa.scan')}</Text>
        <QrCode value={totpUri} label={t('security.mfa.qrLabel')} />
        <CopyField label={t('security.mfa.secret')} value={secret} />
        <FormError error={action.error} retryIn={action.retryIn} />
        <TextInput
          label={t('login.mfaCode')}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(otpDigits(e.currentTarget.value))}
          error={checked && !valid ? t('login.validation.mfaCode') : undefined}
          w={200}
        />
        <Group gap="xs">
          <Button type="submit" loading={action.pending}>
            {t('security.mfa.verify')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
