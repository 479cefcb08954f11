/** Error logs, filtered by service, SIM (IMSI) and time, newest first, older pages on demand. */
import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { errorLogQueries, type LogFilter, type LogService, logServices } from '../../api/resources/errorLogs';
import { useTranslation } from '../../app/i18n';
import { ScreenGate } from '../../components/access/ScreenGate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LogsTable } from './LogsTable';

/** A `datetime-local` value read as UTC; undefined when empty or not a time. */
const utc = (value: string): number | undefined => {
  const ms = value ? Date.parse(`${value}Z`) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
};

export function LogsPage() {
  return (
    <ScreenGate screen="logs">
      <Logs />
    </ScreenGate>
  );
}

function Logs() {
  const { t } = useTranslation();
  const [service, setService] = useState('');
  const [imsi, setImsi] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [applied, setApplied] = useState<LogFilter>({});
  const [keys, setKeys] = useState<(string | undefined)[]>([undefined]);
  const pages = useQueries({ queries: keys.map((key) => errorLogQueries.page(applied, key)) });
  const entries = pages.flatMap((page) => page.data?.items ?? []);
  const last = pages.at(-1);
  const nextKey = last?.data?.nextKey ?? null;
  const error = pages.find((page) => page.error)?.error;
  return (
    <>
      <PageHeader title={t('logs.title')} />
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {t('logs.about')}
      </Text>
      <Stack>
        <Paper withBorder p="md" radius="md">
          <form
            aria-label={t('logs.filters')}
            onSubmit={(event) => {
              event.preventDefault();
              setApplied({
                service: (service || undefined) as LogService | undefined,
                imsi: imsi.trim() || undefined,
                from: utc(from),
                to: utc(to),
              });
              setKeys([undefined]);
            }}
          >
            <Group align="flex-end" gap="sm">
              <Select
                size="xs"
                label={t('logs.service')}
                value={service}
                allowDeselect={false}
                onChange={(value) => setService(value ?? '')}
                data={[
                  { value: '', label: t('logs.allServices') },
                  ...logServices.map((s) => ({ value: s, label: s })),
                ]}
              />
              <TextInput
                size="xs"
                label={t('logs.imsi')}
                maxLength={20}
                value={imsi}
                onChange={(e) => setImsi(e.currentTarget.value)}
              />
              <TextInput
                size="xs"
                type="datetime-local"
                label={t('logs.from')}
                value={from}
                onChange={(e) => setFrom(e.currentTarget.value)}
              />
              <TextInput
                size="xs"
                type="datetime-local"
                label={t('logs.to')}
                value={to}
                onChange={(e) => setTo(e.currentTarget.value)}
              />
              <Button size="xs" type="submit">
                {t('logs.search')}
              </Button>
            </Group>
          </form>
        </Paper>
        {error ? <ErrorAlert error={error} /> : null}
        <Paper withBorder radius="md">
          <LogsTable entries={entries} pending={pages[0]?.isPending} label={t('logs.tableLabel')} />
          {pages[0]?.isSuccess && entries.length === 0 ? (
            <Text p="md" c="dimmed">
              {t('logs.empty')}
            </Text>
          ) : null}
        </Paper>
        <Group>
          <Button
            size="xs"
            variant="default"
            disabled={!nextKey || last?.isFetching}
            onClick={() => nextKey && setKeys((k) => [...k, nextKey])}
          >
            {t('logs.more')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
