import { Anchor, Breadcrumbs, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { groupName, groupQueries } from '../../api/resources/groups';
import { type Sim, simQueries } from '../../api/resources/sims';
import { enumLabel, type TFunction, useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { KeyValueList } from '../../components/KeyValueList';
import { RenderGuard } from '../../components/RenderGuard';
import { SimStatusBadge } from '../../components/sims/SimStatusBadge';
import { formatDateTime } from '../../lib/format';
import { simName } from '../../lib/sim';
import { SimActionMenu } from './actions/SimActionMenu';
import { SimEventHandlers } from './SimEventHandlers';
import { SimNameEditor } from './SimNameEditor';
import { SimProfiles } from './SimProfiles';
import { SimSession } from './SimSession';
import { SimTags } from './SimTags';
import { SimTimeline } from './SimTimeline';
import { SimUsage } from './SimUsage';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

const yesNo = (value: boolean | undefined, t: TFunction) =>
  value === undefined ? '' : value ? t('simActions.page.yes') : t('simActions.page.no');

function GroupLink({ groupId }: { groupId: string | undefined }) {
  const { t } = useTranslation();
  const groups = useQuery(groupQueries.list());
  if (!groupId) return <>{t('simActions.page.noGroup')}</>;
  const group = groups.data?.find((g) => g.groupId === groupId);
  return (
    <Anchor component={Link} to={`/groups/${encodeURIComponent(groupId)}`}>
      {groupName(group) ?? groupId}
    </Anchor>
  );
}

function Overview({ sim }: { sim: Sim }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('simActions.page.overview')}>
      <KeyValueList
        items={[
          { label: t('sims.columns.simId'), value: <Text ff="monospace">{sim.simId}</Text> },
          { label: t('sims.columns.moduleType'), value: sim.moduleType },
          {
            label: t('simActions.page.capabilities'),
            value: [
              `${t('simActions.page.data')}: ${yesNo(sim.capabilities?.data, t)}`,
              `${t('simActions.page.sms')}: ${yesNo(sim.capabilities?.sms, t)}`,
            ].join(', '),
          },
          {
            label: t('sims.columns.terminationProtection'),
            value: sim.terminationEnabled ? t('sims.terminationAllowed') : t('sims.protected'),
          },
          { label: t('sims.columns.created'), value: formatDateTime(sim.createdTime, i18n.language) },
          { label: t('sims.columns.modified'), value: formatDateTime(sim.lastModifiedTime, i18n.language) },
        ]}
      />
    </Section>
  );
}

function Settings({ sim }: { sim: Sim }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('simActions.page.settings')}>
      <KeyValueList
        items={[
          { label: t('sims.columns.group'), value: <GroupLink groupId={sim.groupId} /> },
          { label: t('sims.columns.speedClass'), value: sim.speedClass },
          { label: t('sims.columns.imeiLock'), value: sim.imeiLock?.imei ?? t('sims.none') },
          {
            label: t('sims.columns.expiry'),
            value: sim.expiryTime
              ? t('simActions.page.expiryValue', {
                  time: formatDateTime(sim.expiryTime, i18n.language),
                  action: sim.expiryAction
                    ? enumLabel(t, 'simActions.expiryActions', sim.expiryAction)
                    : t('sims.none'),
                })
              : t('sims.none'),
          },
        ]}
      />
    </Section>
  );
}

export function SimDetailPage() {
  const { simId = '' } = useParams();
  const { t } = useTranslation();
  const sim = useQuery(simQueries.detail(simId));
  const data = sim.data;

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/sims">
          {t('sims.title')}
        </Anchor>
        <Text>{simId}</Text>
      </Breadcrumbs>
      <Group gap="sm">
        {data ? <SimNameEditor simId={simId} name={simName(data)} /> : <Title order={2}>{simId}</Title>}
        {data ? <SimStatusBadge status={data.status} /> : null}
        {data ? <SimActionMenu sim={data} /> : null}
      </Group>
      {sim.error ? <ErrorAlert error={sim.error} /> : null}
      {sim.isPending ? <Skeleton height={160} /> : null}
      {data ? (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <RenderGuard>
              <Overview sim={data} />
            </RenderGuard>
            <RenderGuard>
              <Settings sim={data} />
            </RenderGuard>
          </SimpleGrid>
          <RenderGuard>
            <SimProfiles sim={data} />
          </RenderGuard>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <RenderGuard>
              <SimSession sim={data} />
            </RenderGuard>
            <RenderGuard>
              <SimTags sim={data} />
            </RenderGuard>
          </SimpleGrid>
          <RenderGuard>
            <SimTimeline simId={simId} />
          </RenderGuard>
          <RenderGuard>
            <SimUsage simId={simId} />
          </RenderGuard>
          <RenderGuard>
            <SimEventHandlers imsi={Object.values(data.profiles ?? {})[0]?.primaryImsi ?? ''} />
          </RenderGuard>
        </>
      ) : null}
    </Stack>
  );
}
