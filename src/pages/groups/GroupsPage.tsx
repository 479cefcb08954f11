import { Anchor, Badge, Paper, Group as Row, ScrollArea, Skeleton, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type Group, groupDetailQueries, groupName, groupQueries } from '../../api/resources/groups';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RenderGuard } from '../../components/RenderGuard';
import { formatDateTime } from '../../lib/format';
import { CreateGroupDialog } from './CreateGroupDialog';

/** Groups whose name contains `name` and, when `tag` is `key=value`, whose tag `key` starts with `value`. */
export function filterGroups(groups: Group[], name: string, tag: string): Group[] {
  const needle = name.trim().toLowerCase();
  const [key, ...rest] = tag.split('=');
  const value = rest.join('=').trim().toLowerCase();
  return groups.filter((g) => {
    if (needle && !(groupName(g) ?? '').toLowerCase().includes(needle)) return false;
    if (key?.trim() && !(g.tags?.[key.trim()] ?? '').toLowerCase().startsWith(value)) return false;
    if (key?.trim() && g.tags?.[key.trim()] === undefined) return false;
    return true;
  });
}

function SimCount({ groupId }: { groupId: string }) {
  const members = useQuery(groupDetailQueries.members(groupId));
  if (!members.data) return <Skeleton height={12} width={24} />;
  return <>{`${members.data.items.length}${members.data.nextKey ? '+' : ''}`}</>;
}

export function GroupsPage() {
  const { t, i18n } = useTranslation();
  const groups = useQuery(groupQueries.list());
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const access = useAccess();
  const name = params.get('name') ?? '';
  const tag = params.get('tag') ?? '';
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const rows = filterGroups(groups.data ?? [], name, tag);

  return (
    <>
      <PageHeader title={t('groups.title')}>
        <GuardedButton size="xs" refusal={access.refusal('Group:createGroup')} onClick={() => setCreating(true)}>
          {t('groups.create')}
        </GuardedButton>
      </PageHeader>
      <Row gap="sm" mb="sm" align="flex-end">
        <TextInput
          size="xs"
          label={t('groups.searchName')}
          value={name}
          onChange={(e) => setFilter('name', e.currentTarget.value)}
        />
        <TextInput
          size="xs"
          label={t('groups.searchTag')}
          placeholder="env=prod"
          value={tag}
          onChange={(e) => setFilter('tag', e.currentTarget.value)}
        />
      </Row>
      {groups.error ? <ErrorAlert error={groups.error} /> : null}
      <RenderGuard>
        <Paper withBorder radius="md">
          <ScrollArea type="auto">
            <Table striped verticalSpacing="xs" aria-label={t('groups.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('groups.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('groups.columns.groupId')}</Table.Th>
                  <Table.Th scope="col">{t('groups.columns.sims')}</Table.Th>
                  <Table.Th scope="col">{t('groups.columns.services')}</Table.Th>
                  <Table.Th scope="col">{t('groups.columns.created')}</Table.Th>
                  <Table.Th scope="col">{t('groups.columns.modified')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.isPending ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Skeleton height={14} />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  rows.map((group) => (
                    <Table.Tr key={group.groupId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/groups/${encodeURIComponent(group.groupId ?? '')}`} size="sm">
                          {groupName(group) ?? t('groups.unnamed')}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace" span>
                          {group.groupId}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <SimCount groupId={group.groupId ?? ''} />
                      </Table.Td>
                      <Table.Td>
                        <Row gap={4}>
                          {Object.keys(group.configuration ?? {}).map((namespace) => (
                            <Badge key={namespace} variant="default" size="sm" tt="none">
                              {namespace}
                            </Badge>
                          ))}
                        </Row>
                      </Table.Td>
                      <Table.Td>{formatDateTime(group.createdTime, i18n.language)}</Table.Td>
                      <Table.Td>{formatDateTime(group.lastModifiedTime, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          {groups.data && rows.length === 0 ? (
            <Text p="md" c="dimmed">
              {groups.data.length === 0 ? t('groups.empty') : t('groups.noMatch')}
            </Text>
          ) : null}
        </Paper>
      </RenderGuard>
      <CreateGroupDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
