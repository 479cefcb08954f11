import { Anchor, Breadcrumbs, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { groupChanges, groupDetailQueries, groupName } from '../../api/resources/groups';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { KeyValueList } from '../../components/KeyValueList';
import { RenderGuard } from '../../components/RenderGuard';
import { formatDateTime } from '../../lib/format';
import { ConfigurationSection } from './config/ConfigurationSection';
import { GroupMembers } from './GroupMembers';
import { GroupTags } from './GroupTags';

export function GroupPage() {
  const { groupId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const access = useAccess();
  const group = useQuery(groupDetailQueries.detail(groupId));
  const members = useQuery(groupDetailQueries.members(groupId));
  const remove = useChange(groupChanges.remove(groupId));
  const [deleting, setDeleting] = useState(false);
  const data = group.data;
  // Exact when the first page is all there is (a number chooses the plural form), else at least that many.
  const count = members.data
    ? members.data.nextKey
      ? `${members.data.items.length}+`
      : members.data.items.length
    : '…';

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/groups">
          {t('groups.title')}
        </Anchor>
        <Text>{data ? (groupName(data) ?? groupId) : groupId}</Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <Title order={2}>{data ? (groupName(data) ?? t('groups.unnamed')) : groupId}</Title>
        <GuardedButton
          variant="default"
          color="red"
          refusal={access.refusal('Group:deleteGroup', { group_id: groupId })}
          onClick={() => setDeleting(true)}
          disabled={!data}
        >
          {t('groups.delete')}
        </GuardedButton>
      </Group>
      {group.error ? <ErrorAlert error={group.error} /> : null}
      {group.isPending ? <Skeleton height={120} /> : null}
      {data ? (
        <>
          <Paper withBorder p="md" radius="md">
            <KeyValueList
              items={[
                { label: t('groups.columns.groupId'), value: data.groupId },
                { label: t('groups.columns.sims'), value: count },
                { label: t('groups.columns.created'), value: formatDateTime(data.createdTime, i18n.language) },
                { label: t('groups.columns.modified'), value: formatDateTime(data.lastModifiedTime, i18n.language) },
              ]}
            />
          </Paper>
          <Paper withBorder p="md" radius="md">
            <RenderGuard>
              <GroupTags group={data} />
            </RenderGuard>
          </Paper>
          <RenderGuard>
            <ConfigurationSection group={data} />
          </RenderGuard>
          <Paper withBorder p="md" radius="md">
            <RenderGuard>
              <GroupMembers groupId={groupId} />
            </RenderGuard>
          </Paper>
        </>
      ) : null}
      <ConfirmDialog
        opened={deleting}
        title={t('groups.deleteTitle')}
        message={t('groups.deleteBody', { name: data ? (groupName(data) ?? groupId) : groupId, count })}
        confirmLabel={t('groups.delete')}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          if (!(await remove.submit())) return false;
          navigate('/groups', { replace: true });
        }}
        error={remove.error}
        retryIn={remove.retryIn}
      />
    </Stack>
  );
}
