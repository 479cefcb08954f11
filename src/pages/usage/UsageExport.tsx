import { Alert, Anchor, Button, Group, Loader, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import type { ExportMode } from '../../api/resources/exports';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useExportDownload } from '../../lib/useExportDownload';
import { rangeFor, spans } from './range';

type FleetPeriod = 'month' | 'day';

/** Export the operator's Air usage as CSV for a period and range, in sync or async mode, and download it. */
export function UsageExport({ operatorId }: { operatorId: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<FleetPeriod>('month');
  const [span, setSpan] = useState(spans.month[0] ?? 12);
  const [mode, setMode] = useState<ExportMode>('sync');
  const { phase, start, cancel, busy } = useExportDownload();
  const statusId = useId();

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('usage.period')}
          value={period}
          disabled={busy}
          onChange={(event) => {
            const next = event.currentTarget.value as FleetPeriod;
            setPeriod(next);
            setSpan(spans[next][0] ?? 1);
          }}
          data={(['month', 'day'] as const).map((p) => ({ value: p, label: t(`usage.periods.${p}`) }))}
        />
        <NativeSelect
          label={t('usage.range')}
          value={String(span)}
          disabled={busy}
          onChange={(event) => setSpan(Number(event.currentTarget.value))}
          data={[...spans[period]]
            .sort((a, b) => a - b)
            .map((n) => ({
              value: String(n),
              label: t(period === 'month' ? 'usage.spans.months' : 'usage.spans.days', { count: n }),
            }))}
        />
        <Radio.Group label={t('usage.export.mode')} value={mode} onChange={(value) => setMode(value as ExportMode)}>
          <Group gap="sm" mt={6} mb={6}>
            <Radio value="sync" label={t('usage.export.sync')} disabled={busy} />
            <Radio value="async" label={t('usage.export.async')} disabled={busy} />
          </Group>
        </Radio.Group>
      </Group>
      <Group gap="sm">
        <Button
          onClick={() => void start({ kind: 'usage', operatorId, range: rangeFor(period, span, Date.now()) }, mode)}
          loading={busy}
          aria-describedby={statusId}
        >
          {t('usage.export.button')}
        </Button>
        {busy ? (
          <Button variant="default" onClick={cancel}>
            {t('usage.export.cancel')}
          </Button>
        ) : null}
      </Group>
      <div id={statusId} role="status" aria-live="polite">
        {phase.kind === 'requesting' || phase.kind === 'waiting' ? (
          <Group gap="xs">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm">
              {phase.kind === 'waiting'
                ? t('usage.export.waiting', { attempt: phase.attempt })
                : t('usage.export.requesting')}
            </Text>
          </Group>
        ) : null}
        {phase.kind === 'ready' ? (
          <Text size="sm">
            {t('usage.export.ready')}{' '}
            <Anchor href={phase.url} download rel="noopener">
              {t('usage.export.again')}
            </Anchor>
          </Text>
        ) : null}
      </div>
      {phase.kind === 'failed' ? (
        phase.error instanceof Error && phase.error.name === 'ExportFailedError' ? (
          <Alert color="red" role="alert" title={t('usage.export.failed')}>
            {t('usage.export.failedHint')}
          </Alert>
        ) : (
          <ErrorAlert error={phase.error} title={t('usage.export.failed')} />
        )
      ) : null}
    </Stack>
  );
}
