import { Anchor, Badge, Breadcrumbs, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { groupName, groupQueries } from '../../api/queries/groups';
import { simQueries } from '../../api/queries/sims';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { KeyValueList } from '../../components/KeyValueList';
import { SessionIndicator } from '../../components/sims/SessionIndicator';
import { SimStatusBadge } from '../../components/sims/SimStatusBadge';
import { formatDateTime } from '../../lib/format';
import { allImsis, primarySubscriber, simName } from '../../lib/sim';
import { SimActions } from './SimActions';
import { SimNameEditor } from './SimNameEditor';
import { SimTimeline } from './SimTimeline';

export function SimDetailPage() {
  const { simId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const sim = useQuery(simQueries.detail(simId));
  const groups = useQuery(groupQueries.list());
  const data = sim.data;
  const subscriber = data ? primarySubscriber(data) : undefined;
  const group = data?.groupId ? groups.data?.find((g) => g.groupId === data.groupId) : undefined;
  const title = data ? simName(data) || t('sims.unnamed') : simId;

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/sims">
          {t('sims.title')}
        </Anchor>
        <Text>{simId}</Text>
      </Breadcrumbs>
      <Group gap="sm">
        {data ? <SimNameEditor simId={simId} name={simName(data)} /> : <Title order={2}>{title}</Title>}
        {data ? <SimStatusBadge status={data.status} /> : null}
        {data ? <SimActions sim={data} /> : null}
      </Group>
      {sim.error ? <ErrorAlert error={sim.error} /> : null}
      {sim.isPending ? <Skeleton height={160} /> : null}
      {data && subscriber ? (
        <>
          <Paper withBorder p="md" radius="md">
            <KeyValueList
              items={[
                { label: t('sims.columns.simId'), value: data.simId },
                { label: t('sims.columns.imsi'), value: allImsis(data).join(', ') },
                { label: t('sims.columns.msisdn'), value: subscriber.msisdn },
                { label: t('sims.columns.iccid'), value: subscriber.iccid },
                { label: t('sims.columns.subscription'), value: subscriber.subscription },
                { label: t('sims.columns.speedClass'), value: data.speedClass },
                { label: t('sims.columns.session'), value: <SessionIndicator session={data.sessionStatus} /> },
                { label: t('sims.columns.group'), value: data.groupId ? (groupName(group) ?? data.groupId) : '' },
                { label: t('sims.columns.imeiLock'), value: data.imeiLock?.imei ?? t('sims.none') },
                {
                  label: t('sims.columns.expiry'),
                  value: data.expiryTime
                    ? `${formatDateTime(data.expiryTime, i18n.language)} (${data.expiryAction ?? ''})`
                    : t('sims.none'),
                },
                {
                  label: t('sims.columns.terminationProtection'),
                  value: data.terminationEnabled ? t('sims.terminationAllowed') : t('sims.protected'),
                },
                { label: t('sims.columns.moduleType'), value: data.moduleType },
                { label: t('sims.columns.created'), value: formatDateTime(data.createdTime, i18n.language) },
                { label: t('sims.columns.modified'), value: formatDateTime(data.lastModifiedTime, i18n.language) },
              ]}
            />
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={3} size="h4" mb="sm">
              {t('sims.tags')}
            </Title>
            {Object.keys(data.tags ?? {}).length === 0 ? (
              <Text c="dimmed">{t('sims.noTags')}</Text>
            ) : (
              <Table aria-label={t('sims.tags')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('sims.tagName')}</Table.Th>
                    <Table.Th scope="col">{t('sims.tagValue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {Object.entries(data.tags ?? {}).map(([name, value]) => (
                    <Table.Tr key={name}>
                      <Table.Td>
                        <Badge variant="default" tt="none">
                          {name}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <SimTimeline simId={simId} />
        </>
      ) : null}
    </Stack>
  );
}
