import { Badge, Group, Paper, Table, Title } from '@mantine/core';
import type { Sim } from '../../api/resources/sims';
import { useTranslation } from '../../app/i18n';
import { TableScroll } from '../../components/TableScroll';

/** Every profile of the SIM and every subscriber (IMSI) in it: numbers, subscription and bundles. */
export function SimProfiles({ sim }: { sim: Sim }) {
  const { t } = useTranslation();
  const rows = Object.entries(sim.profiles ?? {}).flatMap(([profileId, profile]) =>
    Object.entries(profile.subscribers ?? {}).map(([imsi, subscriber]) => ({
      key: `${profileId}/${imsi}`,
      iccid: profile.iccid ?? profileId,
      active: profileId === sim.activeProfileId,
      primary: imsi === profile.primaryImsi,
      imsi,
      subscriber,
    })),
  );
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        {t('simActions.page.profiles')}
      </Title>
      <TableScroll label={t('simActions.page.profiles')}>
        <Table aria-label={t('simActions.page.profiles')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('sims.columns.iccid')}</Table.Th>
              <Table.Th scope="col">{t('sims.columns.imsi')}</Table.Th>
              <Table.Th scope="col">{t('sims.columns.msisdn')}</Table.Th>
              <Table.Th scope="col">{t('sims.columns.subscription')}</Table.Th>
              <Table.Th scope="col">{t('simActions.page.bundles')}</Table.Th>
              <Table.Th scope="col">{t('simActions.page.subscriberStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td ff="monospace">
                  <Group gap={6}>
                    {row.iccid}
                    {row.active ? (
                      <Badge size="xs" variant="light" tt="none">
                        {t('simActions.page.active')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td ff="monospace">
                  <Group gap={6}>
                    {row.imsi}
                    {row.primary ? (
                      <Badge size="xs" variant="outline" tt="none">
                        {t('simActions.page.primary')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td ff="monospace">{row.subscriber.msisdn}</Table.Td>
                <Table.Td>{row.subscriber.subscription}</Table.Td>
                <Table.Td>{row.subscriber.bundles?.join(', ')}</Table.Td>
                <Table.Td>{row.subscriber.status}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}
