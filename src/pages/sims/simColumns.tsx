import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Group } from '../../api/queries/groups';
import { groupName } from '../../api/queries/groups';
import type { Sim } from '../../api/queries/sims';
import type { TFunction } from '../../app/i18n';
import { SessionIndicator } from '../../components/sims/SessionIndicator';
import { SimStatusBadge } from '../../components/sims/SimStatusBadge';
import { allImsis, primarySubscriber, simName } from '../../lib/sim';

export interface SimColumn {
  id: string;
  header: (t: TFunction) => string;
  cell: (sim: Sim, ctx: { groups: Map<string, Group>; t: TFunction }) => ReactNode;
}

/** The SIM table's columns, in order. */
export const simColumns: SimColumn[] = [
  {
    id: 'name',
    header: (t) => t('sims.columns.name'),
    cell: (sim, { t }) => (
      <Anchor component={Link} to={`/sims/${encodeURIComponent(sim.simId ?? '')}`} size="sm">
        {simName(sim) || t('sims.unnamed')}
      </Anchor>
    ),
  },
  { id: 'simId', header: (t) => t('sims.columns.simId'), cell: (sim) => <Mono>{sim.simId}</Mono> },
  { id: 'imsi', header: (t) => t('sims.columns.imsi'), cell: (sim) => <Mono>{allImsis(sim).join(', ')}</Mono> },
  {
    id: 'msisdn',
    header: (t) => t('sims.columns.msisdn'),
    cell: (sim) => <Mono>{primarySubscriber(sim).msisdn}</Mono>,
  },
  { id: 'status', header: (t) => t('sims.columns.status'), cell: (sim) => <SimStatusBadge status={sim.status} /> },
  {
    id: 'session',
    header: (t) => t('sims.columns.session'),
    cell: (sim) => <SessionIndicator session={sim.sessionStatus} />,
  },
  {
    id: 'subscription',
    header: (t) => t('sims.columns.subscription'),
    cell: (sim) => primarySubscriber(sim).subscription,
  },
  { id: 'speedClass', header: (t) => t('sims.columns.speedClass'), cell: (sim) => sim.speedClass },
  {
    id: 'group',
    header: (t) => t('sims.columns.group'),
    cell: (sim, { groups }) =>
      sim.groupId ? (
        <Anchor component={Link} to={`/groups/${encodeURIComponent(sim.groupId)}`} size="sm">
          {groupName(groups.get(sim.groupId)) ?? sim.groupId}
        </Anchor>
      ) : (
        ''
      ),
  },
];

function Mono({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" ff="monospace" span>
      {children}
    </Text>
  );
}
