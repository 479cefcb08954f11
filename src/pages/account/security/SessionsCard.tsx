import { Alert, Button, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { securityChanges, type Who } from '../../../api/resources/security';
import { useChange } from '../../../api/useChange';
import { useTranslation } from '../../../app/i18n';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { idleChoices, idleMinutes, setIdleMinutes } from '../../../components/session/idle';

/** Other sessions (sign out everywhere else) and the idle timeout of this browser. */
export function SessionsCard({ who, suggest }: { who: Who; suggest: boolean }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const signOut = useChange(securityChanges.signOutEverywhere(who));
  const done = signOut.done;
  const [minutes, setMinutes] = useState(idleMinutes);

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        {t('security.sessions.title')}
      </Title>
      <Stack gap="sm">
        {suggest && !done ? (
          <Alert color="blue" role="status">
            {t('security.sessions.suggest')}
          </Alert>
        ) : null}
        {done ? (
          <Alert color="green" role="status">
            {t('security.sessions.done')}
          </Alert>
        ) : null}
        <Text size="sm">{t('security.sessions.about')}</Text>
        <Button variant="default" w="fit-content" onClick={() => setConfirming(true)}>
          {t('security.sessions.signOutEverywhere')}
        </Button>
        <NativeSelect
          label={t('security.sessions.idle')}
          value={String(minutes)}
          onChange={(event) => {
            const value = Number(event.currentTarget.value);
            setIdleMinutes(value);
            setMinutes(value);
          }}
          data={idleChoices.map((m) => ({ value: String(m), label: t('security.sessions.minutes', { count: m }) }))}
          maw={240}
        />
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('security.sessions.signOutEverywhere')}
        message={t('security.sessions.confirm')}
        confirmLabel={t('security.sessions.signOutEverywhere')}
        onClose={() => setConfirming(false)}
        onConfirm={() => signOut.submit()}
        error={signOut.error}
        retryIn={signOut.retryIn}
      />
    </Paper>
  );
}
