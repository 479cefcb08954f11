import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { CopyField } from '../../../components/CopyField';
import { FormError } from '../../../components/FormError';
import { QrCode } from '../../../components/QrCode';
import { otpDigits } from '../../../lib/otpCode';

/**
 * Step two of turning MFA on: scan the code (or type the secret), then prove it with a code from the app. `verify`
 * is the card's change (`securityChanges.verifyMfa`): the card shows what it answers.
 */
export function MfaSetup({
  totpUri,
  verify,
  onVerified,
  onCancel,
}: {
  totpUri: string;
  verify: { submit: (code: string) => Promise<boolean>; pending: boolean; error: unknown; retryIn: number };
  onVerified: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState(false);
  const secret = new URL(totpUri).searchParams.get('secret') ?? '';
  const send = async () => {
    if (await verify.submit(code.trim())) onVerified();
  };
  const valid = /^\d{6}$/.test(code.trim());

  return (
    <form
      noValidate
      aria-label={t('security.mfa.setupTitle')}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        setChecked(true);
        if (valid) void send();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('security.mfa.scan')}</Text>
        <QrCode value={totpUri} label={t('security.mfa.qrLabel')} />
        <CopyField label={t('security.mfa.secret')} value={secret} />
        <FormError error={verify.error} retryIn={verify.retryIn} />
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
          <Button type="submit" loading={verify.pending}>
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
