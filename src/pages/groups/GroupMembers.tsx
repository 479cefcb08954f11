import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { groupChanges, groupDetailQueries } from '../../api/resources/groups';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../components/FormError';
import { SimStatusBadge } from '../../components/sims/SimStatusBadge';
import { simName } from '../../lib/sim';

const shown = 10;

/** The SIMs in the group (the first few), adding one by SIM ID, removing one. */
export function GroupMembers({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const members = useQuery(groupDetailQueries.members(groupId));
  const [simId, setSimId] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  const add = useChange(groupChanges.addSim(groupId));
  const remove = useChange(groupChanges.removeSim());
  async function addSim() {
    if (await add.submit(simId.trim())) setSimId('');
  }
  const all = members.data?.items ?? [];
  // The first few here; the SIM table has them all.
  const sims = all.slice(0, shown);

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('groups.members', { count: members.data?.nextKey ? `${all.length}+` : all.length })}
        </Title>
        <Anchor component={Link} to={`/sims?group_id=${encodeURIComponent(groupId)}`} size="sm">
          {t('groups.openInSims')}
        </Anchor>
      </Group>
      {sims.length === 0 && !members.isPending ? <Text c="dimmed">{t('groups.noMembers')}</Text> : null}
      {sims.length > 0 ? (
        <Table aria-label={t('groups.membersLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('sims.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('sims.columns.simId')}</Table.Th>
              <Table.Th scope="col">{t('sims.columns.status')}</Table.Th>
              <Table.Th scope="col">{t('groups.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sims.map((sim) => (
              <Table.Tr key={sim.simId}>
                <Table.Td>
                  <Anchor component={Link} to={`/sims/${encodeURIComponent(sim.simId ?? '')}`} size="sm">
                    {simName(sim) || t('sims.unnamed')}
                  </Anchor>
                </Table.Td>
                <Table.Td ff="monospace">{sim.simId}</Table.Td>
                <Table.Td>
                  <SimStatusBadge status={sim.status} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => setRemoving(sim.simId ?? null)}
                    aria-label={t('groups.removeSimNamed', { id: sim.simId ?? '' })}
                  >
                    {t('groups.removeSim')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <FormError error={add.error} retryIn={add.retryIn} />
      <Group gap="xs" align="flex-end">
        <TextInput
          size="xs"
          label={t('groups.addSimLabel')}
          value={simId}
          onChange={(e) => setSimId(e.currentTarget.value)}
          w={260}
        />
        <Button
          size="xs"
          variant="default"
          disabled={!simId.trim()}
          loading={add.pending}
          onClick={() => void addSim()}
        >
          {t('groups.addSim')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={removing !== null}
        title={t('groups.removeSimTitle')}
        message={t('groups.removeSimBody', { id: removing ?? '' })}
        confirmLabel={t('groups.removeSim')}
        onClose={() => setRemoving(null)}
        onConfirm={() => remove.submit(removing ?? '')}
        error={remove.error}
        retryIn={remove.retryIn}
      />
    </Stack>
  );
}
