/** Event handlers: the list, with what each watches, its rule, its actions and whether it is on. */
import { Anchor, Badge, Paper, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { eventHandlerQueries } from '../../api/resources/eventHandlers';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { actionLabel, ruleLabel, targetLabel } from './labels';

export function EventHandlersPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const list = useQuery(eventHandlerQueries.list());
  return (
    <>
      <PageHeader title={t('events.title')}>
        <GuardedButton
          size="xs"
          refusal={access.refusal('EventHandler:createEventHandler')}
          onClick={() => navigate('/event-handlers/new')}
        >
          {t('events.create')}
        </GuardedButton>
      </PageHeader>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {t('events.about')}
      </Text>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Paper withBorder radius="md">
        <TableScroll label={t('events.tableLabel')}>
          <Table striped verticalSpacing="xs" aria-label={t('events.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('events.name')}</Table.Th>
                <Table.Th scope="col">{t('events.target')}</Table.Th>
                <Table.Th scope="col">{t('events.rule')}</Table.Th>
                <Table.Th scope="col">{t('events.actions')}</Table.Th>
                <Table.Th scope="col">{t('events.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Skeleton height={14} />
                  </Table.Td>
                </Table.Tr>
              ) : (
                (list.data ?? []).map((handler) => (
                  <Table.Tr key={handler.handlerId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/event-handlers/${handler.handlerId}`} size="sm" fw={500}>
                        {handler.name}
                      </Anchor>
                      {handler.description ? (
                        <Text size="xs" c="dimmed">
                          {handler.description}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{targetLabel(t, handler)}</Table.Td>
                    <Table.Td>{ruleLabel(t, handler.ruleConfig.type)}</Table.Td>
                    <Table.Td>{handler.actionConfigList.map((a) => actionLabel(t, a.type)).join(', ')}</Table.Td>
                    <Table.Td>
                      <Badge variant="dot" miw="max-content" color={handler.status === 'active' ? 'green' : 'gray'}>
                        {t(`events.statusValues.${handler.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </TableScroll>
        {list.data?.length === 0 ? (
          <Text p="md" c="dimmed">
            {t('events.empty')}
          </Text>
        ) : null}
      </Paper>
    </>
  );
}
