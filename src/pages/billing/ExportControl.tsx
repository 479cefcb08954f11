import { Alert, Anchor, Button, Group, Loader, Radio, Stack, Text } from '@mantine/core';
import { memo, useId, useState } from 'react';
import type { ExportMode, ExportTarget } from '../../api/resources/exports';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useExportDownload } from '../../lib/useExportDownload';

/** Export a CSV in sync or async mode, with its progress, then download it (and a link in case that was blocked). */
export const ExportControl = memo(function ExportControl({ target, label }: { target: ExportTarget; label: string }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ExportMode>('sync');
  const { phase, start, cancel, busy } = useExportDownload();
  const statusId = useId();

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Radio.Group
          label={t('billing.export.mode')}
          value={mode}
          onChange={(value) => setMode(value as ExportMode)}
          size="xs"
        >
          <Group gap="sm" mt={4}>
            <Radio value="sync" label={t('billing.export.sync')} disabled={busy} />
            <Radio value="async" label={t('billing.export.async')} disabled={busy} />
          </Group>
        </Radio.Group>
        <Button size="xs" onClick={() => void start(target, mode)} loading={busy} aria-describedby={statusId}>
          {label}
        </Button>
        {busy ? (
          <Button size="xs" variant="default" onClick={cancel}>
            {t('billing.export.cancel')}
          </Button>
        ) : null}
      </Group>
      <div id={statusId} role="status" aria-live="polite">
        {phase.kind === 'requesting' ? <Progress text={t('billing.export.requesting')} /> : null}
        {phase.kind === 'waiting' ? <Progress text={t('billing.export.waiting', { attempt: phase.attempt })} /> : null}
        {phase.kind === 'ready' ? (
          <Text size="sm">
            {t('billing.export.ready')}{' '}
            <Anchor href={phase.url} download rel="noopener">
              {t('billing.export.download')}
            </Anchor>
          </Text>
        ) : null}
      </div>
      {phase.kind === 'failed' ? (
        phase.error instanceof Error && phase.error.name === 'ExportFailedError' ? (
          <Alert color="red" role="alert">
            {t('billing.export.failed')}
          </Alert>
        ) : (
          <ErrorAlert error={phase.error} title={t('billing.export.failed')} />
        )
      ) : null}
    </Stack>
  );
});

function Progress({ text }: { text: string }) {
  return (
    <Group gap="xs">
      <Loader size="xs" aria-hidden="true" />
      <Text size="sm">{text}</Text>
    </Group>
  );
}
