/** The dry run card: choose a past period, see which SIMs the handler would have fired for and what it would do. */
import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { dryRunSimLimit, type EventHandler } from '../../api/resources/eventHandlers';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { formatBytes } from '../../lib/bytes';
import { formatDateTime } from '../../lib/format';
import { replayableRules, runDryRun } from './dryRun';
import { actionLabel } from './labels';

const day = 86_400_000;
/** `YYYY-MM-DD` of a UTC day. */
const dateText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function DryRun({ handler }: { handler: EventHandler }) {
  const { t, i18n } = useTranslation();
  const today = Math.floor(Date.now() / day) * day;
  const [from, setFrom] = useState(dateText(today - 6 * day));
  const [to, setTo] = useState(dateText(today));
  const run = useMutation({
    mutationFn: ({ start, end }: { start: number; end: number }) => runDryRun(handler, start, end),
  });
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`) + day;
  const badRange = !(start < end);
  const replayable = replayableRules.includes(handler.ruleConfig.type);
  const fleet = !handler.targetSimId && !handler.targetImsi;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('events.dryRun.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('events.dryRun.about')}
        </Text>
        {!replayable ? (
          <Text size="sm">{t('events.dryRun.notTraffic')}</Text>
        ) : (
          <>
            {fleet ? (
              <Text size="xs" c="dimmed">
                {t('events.dryRun.limited', { count: dryRunSimLimit })}
              </Text>
            ) : null}
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (!badRange) run.mutate({ start, end });
              }}
            >
              <Group align="flex-end">
                <TextInput
                  type="date"
                  label={t('events.dryRun.from')}
                  value={from}
                  onChange={(e) => setFrom(e.currentTarget.value)}
                />
                <TextInput
                  type="date"
                  label={t('events.dryRun.to')}
                  value={to}
                  onChange={(e) => setTo(e.currentTarget.value)}
                />
                <Button type="submit" loading={run.isPending} disabled={badRange}>
                  {t('events.dryRun.run')}
                </Button>
              </Group>
            </form>
            {badRange ? (
              <Text size="sm" c="red">
                {t('events.dryRun.badRange')}
              </Text>
            ) : null}
            {run.error ? <ErrorAlert error={run.error} /> : null}
            {run.data ? (
              <Stack gap="xs" data-testid="dry-run-result">
                <Alert color={run.data.length > 0 ? 'orange' : 'green'} role="status">
                  {run.data.length > 0 ? t('events.dryRun.count', { count: run.data.length }) : t('events.dryRun.none')}
                </Alert>
                {run.data.length > 0 ? (
                  <TableScroll label={t('events.dryRun.resultLabel')}>
                    <Table striped verticalSpacing="xs" aria-label={t('events.dryRun.resultLabel')}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('events.page.firedAt')}</Table.Th>
                          <Table.Th scope="col">{t('events.page.sim')}</Table.Th>
                          <Table.Th scope="col">{t('events.page.measured')}</Table.Th>
                          <Table.Th scope="col">{t('events.actions')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {run.data.map((firing) => (
                          <Table.Tr key={`${firing.imsi}-${firing.at}`}>
                            <Table.Td>{formatDateTime(firing.at, i18n.language)}</Table.Td>
                            <Table.Td>
                              <Anchor component={Link} to={`/sims/${firing.simId}`} size="sm" ff="monospace">
                                {firing.imsi}
                              </Anchor>
                            </Table.Td>
                            <Table.Td>
                              {firing.measured !== undefined ? formatBytes(firing.measured, i18n.language) : '—'}
                            </Table.Td>
                            <Table.Td>
                              {firing.actions.map((a, i) => (
                                // biome-ignore lint/suspicious/noArrayIndexKey: the handler's actions in order.
                                <Text key={i} size="xs">
                                  {actionLabel(t, a.type)}
                                  {a.properties.speedClass ? ` → ${String(a.properties.speedClass)}` : ''} (
                                  {formatDateTime(a.runAt, i18n.language)})
                                </Text>
                              ))}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </TableScroll>
                ) : null}
              </Stack>
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}
