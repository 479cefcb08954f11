/** The event handlers watching a SIM, each of which can be told to ignore it (or to stop ignoring it). */
import { Anchor, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { eventHandlerChanges, eventHandlerQueries } from '../../api/resources/eventHandlers';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../lib/notify';

export function SimEventHandlers({ imsi }: { imsi: string }) {
  const { t } = useTranslation();
  const access = useAccess();
  const refusal = access.refusal('EventHandler:listEventHandlersBySubscriber', { imsi });
  const handlers = useQuery({ ...eventHandlerQueries.ofImsi(imsi), enabled: Boolean(imsi) && !refusal });
  const ignore = useChange(eventHandlerChanges.ignore());
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('events.sim.label')}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('events.sim.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('events.sim.about')}
        </Text>
        {refusal ? <Text size="sm">{refusal}</Text> : null}
        {handlers.error ? <ErrorAlert error={handlers.error} /> : null}
        {ignore.error ? <ErrorAlert error={ignore.error} /> : null}
        {handlers.isPending && !refusal ? <Skeleton height={20} /> : null}
        {handlers.data?.length === 0 ? <Text size="sm">{t('events.sim.none')}</Text> : null}
        {(handlers.data ?? []).map((h) => {
          const path = { handler_id: h.handlerId, imsi };
          const run = async (on: boolean) => {
            if (await ignore.submit({ handlerId: h.handlerId, imsi, ignore: on })) {
              notifySuccess(t(on ? 'events.sim.ignored' : 'events.sim.unignored', { name: h.name }));
            }
          };
          return (
            <Group key={h.handlerId} justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/event-handlers/${h.handlerId}`} size="sm">
                {h.name}
              </Anchor>
              <Group gap="xs" wrap="nowrap">
                <GuardedButton
                  size="compact-xs"
                  variant="default"
                  refusal={access.refusal('EventHandler:setIgnoreEventHandler', path)}
                  onClick={() => void run(true)}
                  aria-label={`${t('events.sim.ignore')}: ${h.name}`}
                >
                  {t('events.sim.ignore')}
                </GuardedButton>
                <GuardedButton
                  size="compact-xs"
                  variant="subtle"
                  refusal={access.refusal('EventHandler:deleteIgnoreEventHandler', path)}
                  onClick={() => void run(false)}
                  aria-label={`${t('events.sim.unignore')}: ${h.name}`}
                >
                  {t('events.sim.unignore')}
                </GuardedButton>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
