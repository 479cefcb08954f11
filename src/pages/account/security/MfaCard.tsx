import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { securityChanges, securityQueries, type Who } from '../../../api/resources/security';
import { useChange } from '../../../api/useChange';
import { enumLabel, useTranslation } from '../../../app/i18n';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PasswordField } from '../../../components/PasswordField';
import { BackupCodes } from './BackupCodes';
import { MfaSetup } from './MfaSetup';

/**
 * Multi-factor authentication: status, turning it on (QR code, verification, backup codes) and off. Where the card
 * is in turning MFA on follows from its changes: set-up once `enable` has the app's URI, then the backup codes
 * `verify` answered, until they are saved; then both are reset so that neither secret stays in memory.
 */
export function MfaCard({ who, onChanged }: { who: Who; onChanged: () => void }) {
  const { t } = useTranslation();
  const status = useQuery(securityQueries.mfa(who));
  const enable = useChange(securityChanges.enableMfa(who));
  const verify = useChange(securityChanges.verifyMfa(who));
  const revoke = useChange(securityChanges.revokeMfa(who));
  // Says "MFA is on" once turning it on is over, until it is turned off.
  const [turnedOn, setTurnedOn] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [password, setPassword] = useState('');

  const codes = verify.data ?? [];
  const step = turnedOn
    ? 'enabled'
    : verify.done
      ? codes.length > 0
        ? 'codes'
        : 'enabled'
      : enable.data !== undefined
        ? 'setup'
        : 'idle';
  const forget = () => {
    enable.reset();
    verify.reset();
  };
  const finish = () => {
    setTurnedOn(true);
    forget();
  };
  const startOver = () => {
    setTurnedOn(false);
    forget();
  };

  const current = status.data;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('security.mfa.title')}
        </Title>
        {current ? (
          <Badge color={current === 'ACTIVE' ? 'green' : 'gray'} variant="dot" data-testid="mfa-status">
            {enumLabel(t, 'account.mfaStatus', current)}
          </Badge>
        ) : (
          // The badge's room while the status loads: on a narrow screen the badge goes below the title, and a badge
          // that appeared late moved the whole page down by a line.
          <Skeleton width="auto" radius="xl" display="flex" aria-hidden>
            <Badge variant="dot" style={{ visibility: 'hidden' }}>
              {enumLabel(t, 'account.mfaStatus', 'INACTIVE')}
            </Badge>
          </Skeleton>
        )}
      </Group>
      {status.error ? <ErrorAlert error={status.error} /> : null}
      {enable.error ? <ErrorAlert error={enable.error} /> : null}
      {step === 'setup' ? (
        <MfaSetup totpUri={enable.data ?? ''} verify={verify} onCancel={startOver} onVerified={onChanged} />
      ) : step === 'codes' ? (
        <BackupCodes codes={codes} operatorId={who.operatorId} onDone={finish} />
      ) : (
        <Stack gap="sm">
          {step === 'enabled' ? (
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
            <Button w="fit-content" onClick={() => void enable.submit()} loading={enable.pending} disabled={!current}>
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
          if (!(await revoke.submit(password))) return false;
          startOver();
          onChanged();
        }}
        error={revoke.error}
        retryIn={revoke.retryIn}
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
