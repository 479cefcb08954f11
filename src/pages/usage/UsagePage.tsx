/** `/usage`: the operator's Air data usage, a group's, and the export of the operator's usage. */
import { Anchor, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import { groupName, groupQueries } from '../../api/resources/groups';
import { useSession } from '../../api/session';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RenderGuard } from '../../components/RenderGuard';
import { UsageChart } from './UsageChart';
import { UsageExport } from './UsageExport';

const fleetPeriods = ['month', 'day'] as const;

export function UsagePage() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  return (
    <Stack>
      <PageHeader title={t('usage.title')} />
      <Text c="dimmed">{t('usage.intro')}</Text>
      <Section title={t('usage.all')}>
        <UsageChart
          subject={{ kind: 'operator', operatorId: session.operatorId }}
          periods={fleetPeriods}
          title={t('usage.all')}
        />
      </Section>
      <Section title={t('usage.byGroup')}>
        <GroupUsage />
      </Section>
      <Section title={t('usage.export.title')}>
        <UsageExport operatorId={session.operatorId} />
      </Section>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" mb="sm" id={headingId}>
        {title}
      </Title>
      <RenderGuard>{children}</RenderGuard>
    </Paper>
  );
}

function GroupUsage() {
  const { t } = useTranslation();
  const groups = useQuery(groupQueries.list());
  const [groupId, setGroupId] = useState('');
  const group = groups.data?.find((g) => g.groupId === groupId);
  if (groups.error) return <ErrorAlert error={groups.error} />;
  if (groups.data?.length === 0) {
    return (
      <Text>
        {t('usage.noGroups')}{' '}
        <Anchor component={Link} to="/groups">
          {t('usage.toGroups')}
        </Anchor>
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('usage.group')}
        value={groupId}
        onChange={(event) => setGroupId(event.currentTarget.value)}
        disabled={!groups.data}
        maw={360}
        data={[
          { value: '', label: t('usage.chooseGroup') },
          ...(groups.data ?? []).map((g) => ({ value: g.groupId ?? '', label: groupName(g) ?? g.groupId ?? '' })),
        ]}
      />
      {groupId ? (
        <UsageChart
          key={groupId}
          subject={{ kind: 'group', groupId }}
          periods={fleetPeriods}
          title={groupName(group) ?? groupId}
        />
      ) : (
        <Text c="dimmed">{t('usage.pickGroup')}</Text>
      )}
    </Stack>
  );
}
