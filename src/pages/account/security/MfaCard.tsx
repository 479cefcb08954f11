import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { refetchAfterChange } from '../../../api/queryClient';
import { securityActions, securityQueries, type Who } from '../../../api/resources/security';
import { useTranslation } from '../../../app/i18n';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PasswordField } from '../../../components/PasswordField';
import { BackupCodes } from './BackupCodes';
import { MfaSetup } from './MfaSetup';

type Step =
  | { kind: 'idle' }
  | { kind: 'setup'; totpUri: string }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'enabled' };

/** Multi-factor authentication: status, turning it on (QR code, verification, backup codes) and off. */
export function MfaCard({ who, onChanged }: { who: Who; onChanged: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery(securityQueries.mfa(who));
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const [revoking, setRevoking] = useState(false);
  const [password, setPassword] = useState('');
  const refresh = () => refetchAfterChange(queryClient, securityQueries.mfa(who).queryKey);

  async function start() {
    setStarting(true);
    setStartError(null);
    try {
      setStep({ kind: 'setup', totpUri: await securityActions.enableMfa(who) });
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
    }
  }

  const current = status.data;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('security.mfa.title')}
        </Title>
        {current ? (
          <Badge color={current === 'ACTIVE' ? 'green' : 'gray'} variant="dot" data-testid="mfa-status">
            {t(`account.mfaStatus.${current}`)}
          </Badge>
        ) : null}
      </Group>
      {status.error ? <ErrorAlert error={status.error} /> : null}
      {startError ? <ErrorAlert error={startError} /> : null}
      {step.kind === 'setup' ? (
        <MfaSetup
          who={who}
          totpUri={step.totpUri}
          onCancel={() => setStep({ kind: 'idle' })}
          onVerified={(codes) => {
            void refresh();
            onChanged();
            setStep(codes.length ? { kind: 'codes', codes } : { kind: 'enabled' });
          }}
        />
      ) : step.kind === 'codes' ? (
        <BackupCodes codes={step.codes} operatorId={who.operatorId} onDone={() => setStep({ kind: 'enabled' })} />
      ) : (
        <Stack gap="sm">
          {step.kind === 'enabled' ? (
            <Alert color="green" role="status">
              {t('security.mfa.enabled')}
            </Alert>
          ) : null}
          <Text size="sm">{t('security.mfa.about')}</Text>
          {current === 'ACTIVE' ? (
            <Button variant="default" color="red" w="fit-content" onClick={() => setRevoking(true)}>
              {t('security.mfa.turnOff')}
            </Button>
          ) : (
            <Button w="fit-content" onClick={() => void start()} loading={starting} disabled={!current}>
              {current === 'UNCONFIRMED' ? t('security.mfa.continue') : t('security.mfa.turnOn')}
            </Button>
          )}
        </Stack>
      )}
      <ConfirmDialog
        opened={revoking}
        title={t('security.mfa.turnOffTitle')}
        message={t(who.userName ? 'security.mfa.turnOffUser' : 'security.mfa.turnOffRoot')}
        confirmLabel={t('security.mfa.turnOff')}
        canConfirm={Boolean(who.userName) || password.length > 0}
        onClose={() => {
          setRevoking(false);
          setPassword('');
        }}
        onConfirm={async () => {
          await securityActions.revokeMfa(who, password);
          setStep({ kind: 'idle' });
          await refresh();
          onChanged();
        }}
      >
        {who.userName ? null : (
          <PasswordField
            label={t('login.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
        )}
      </ConfirmDialog>
    </Paper>
  );
}
