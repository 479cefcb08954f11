/** Executions as the local sandbox keeps them: when, for which SIM, what was measured and how each action went. */
import { Anchor, Skeleton, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { HandlerExecution } from '../../api/resources/eventHandlers';
import { enumLabel, useTranslation } from '../../app/i18n';
import { TableScroll } from '../../components/TableScroll';
import { formatBytes } from '../../lib/bytes';
import { formatDateTime } from '../../lib/format';
import { actionLabel } from './labels';

export function ExecutionsTable({
  executions,
  label,
  pending,
  handlerNames,
}: {
  executions: readonly HandlerExecution[];
  label: string;
  pending?: boolean;
  /** Shows a handler column, with these names. */
  handlerNames?: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const columns = handlerNames ? 5 : 4;
  return (
    <TableScroll label={label}>
      <Table striped verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('events.page.firedAt')}</Table.Th>
            {handlerNames ? <Table.Th scope="col">{t('events.home.handler')}</Table.Th> : null}
            <Table.Th scope="col">{t('events.page.sim')}</Table.Th>
            <Table.Th scope="col">{t('events.page.measured')}</Table.Th>
            <Table.Th scope="col">{t('events.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pending ? (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Skeleton height={14} />
              </Table.Td>
            </Table.Tr>
          ) : (
            executions.map((e) => (
              <Table.Tr key={e.executionId}>
                <Table.Td>{formatDateTime(e.firedAt, i18n.language)}</Table.Td>
                {handlerNames ? (
                  <Table.Td>
                    <Anchor component={Link} to={`/event-handlers/${e.handlerId}`} size="sm">
                      {handlerNames.get(e.handlerId) ?? e.handlerId}
                    </Anchor>
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <Anchor component={Link} to={`/sims/${e.simId}`} size="sm" ff="monospace">
                    {e.imsi}
                  </Anchor>
                </Table.Td>
                <Table.Td>{e.measured !== undefined ? formatBytes(e.measured, i18n.language) : '—'}</Table.Td>
                <Table.Td>
                  {e.actions.map((a, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: an execution's actions are in the handler's order.
                    <Text key={i} size="xs" title={a.detail}>
                      {t('events.page.actionAt', {
                        action: actionLabel(t, a.type),
                        outcome: enumLabel(t, 'events.page.outcomes', a.outcome),
                        when: formatDateTime(a.runAt, i18n.language),
                      })}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
