/** One event handler: its settings, what it did (the local sandbox's execution history) and a dry run. */
import { Badge, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { eventHandlerChanges, eventHandlerQueries } from '../../api/resources/eventHandlers';
import { useChange } from '../../api/useChange';
import { type MessageKey, useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/notify';
import { DryRun } from './DryRun';
import { ExecutionsTable } from './ExecutionsTable';
import { actionLabel, ruleLabel, targetLabel } from './labels';

function Properties({ properties }: { properties: Record<string, unknown> }) {
  const { t } = useTranslation();
  return (
    <>
      {Object.entries(properties).map(([key, value]) => (
        <Text key={key} size="xs">
          {t(`events.fields.${key}` as MessageKey, { defaultValue: key })}:{' '}
          <Text span ff="monospace" size="xs">
            {typeof value === 'string' ? value : JSON.stringify(value)}
          </Text>
        </Text>
      ))}
    </>
  );
}

export function EventHandlerPage() {
  const { handlerId = '' } = useParams();
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const handler = useQuery(eventHandlerQueries.detail(handlerId));
  const history = useQuery(eventHandlerQueries.executions({ handlerId }));
  const remove = useChange(eventHandlerChanges.remove());
  const [deleting, setDeleting] = useState(false);
  if (handler.error) return <ErrorAlert error={handler.error} />;
  const h = handler.data;
  if (!h) return <Skeleton height={300} />;
  const path = { handler_id: handlerId };
  return (
    <>
      <PageHeader title={h.name}>
        <Group gap="xs">
          <GuardedButton
            size="xs"
            variant="default"
            refusal={access.refusal('EventHandler:updateEventHandler', path)}
            onClick={() => navigate(`/event-handlers/${handlerId}/edit`)}
          >
            {t('events.page.edit')}
          </GuardedButton>
          <GuardedButton
            size="xs"
            variant="default"
            color="red"
            refusal={access.refusal('EventHandler:deleteEventHandler', path)}
            onClick={() => setDeleting(true)}
          >
            {t('events.page.delete')}
          </GuardedButton>
        </Group>
      </PageHeader>
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('events.page.settings')}
          </Title>
          <Table variant="vertical" withRowBorders={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>{t('events.status')}</Table.Th>
                <Table.Td>
                  <Badge variant="dot" miw="max-content" color={h.status === 'active' ? 'green' : 'gray'}>
                    {t(`events.statusValues.${h.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
              {h.description ? (
                <Table.Tr>
                  <Table.Th>{t('events.description')}</Table.Th>
                  <Table.Td>{h.description}</Table.Td>
                </Table.Tr>
              ) : null}
              <Table.Tr>
                <Table.Th>{t('events.target')}</Table.Th>
                <Table.Td>{targetLabel(t, h)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('events.rule')}</Table.Th>
                <Table.Td>
                  <Text size="sm">{ruleLabel(t, h.ruleConfig.type)}</Text>
                  <Properties properties={h.ruleConfig.properties as Record<string, unknown>} />
                </Table.Td>
              </Table.Tr>
              {h.actionConfigList.map((action, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the handler's actions in order.
                <Table.Tr key={i}>
                  <Table.Th>{t('events.form.action', { n: i + 1 })}</Table.Th>
                  <Table.Td>
                    <Text size="sm">{actionLabel(t, action.type)}</Text>
                    <Properties properties={action.properties as Record<string, unknown>} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>

        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4">
            {t('events.page.history')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('events.page.historyAbout')}
          </Text>
          {history.error ? <ErrorAlert error={history.error} /> : null}
          {history.data === null ? (
            <Text size="sm">{t('events.page.historyLocalOnly')}</Text>
          ) : (
            <>
              <ExecutionsTable
                executions={history.data ?? []}
                pending={history.isPending}
                label={t('events.page.historyLabel')}
              />
              {history.data?.length === 0 ? (
                <Text size="sm" c="dimmed" mt="xs">
                  {t('events.page.historyEmpty')}
                </Text>
              ) : null}
            </>
          )}
        </Paper>

        <DryRun handler={h} />
      </Stack>
      <ConfirmDialog
        opened={deleting}
        title={t('events.page.deleteTitle', { name: h.name })}
        message={t('events.page.deleteBody')}
        confirmLabel={t('events.page.delete')}
        error={remove.error}
        retryIn={remove.retryIn}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          const done = await remove.submit(handlerId);
          if (done) {
            notifySuccess(t('events.form.deleted', { name: h.name }));
            navigate('/event-handlers');
          }
          return done;
        }}
      />
    </>
  );
}
