import { Badge, Paper, Group as Row, ScrollArea, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { groupName, groupQueries } from '../../api/queries/groups';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';

export function GroupsPage() {
  const { t, i18n } = useTranslation();
  const groups = useQuery(groupQueries.list());
  return (
    <>
      <PageHeader title={t('groups.title')} />
      {groups.error ? <ErrorAlert error={groups.error} /> : null}
      <Paper withBorder radius="md">
        <ScrollArea type="auto">
          <Table striped verticalSpacing="xs" aria-label={t('groups.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('groups.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('groups.columns.groupId')}</Table.Th>
                <Table.Th scope="col">{t('groups.columns.services')}</Table.Th>
                <Table.Th scope="col">{t('groups.columns.created')}</Table.Th>
                <Table.Th scope="col">{t('groups.columns.modified')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Skeleton height={14} />
                  </Table.Td>
                </Table.Tr>
              ) : (
                (groups.data ?? []).map((group) => (
                  <Table.Tr key={group.groupId}>
                    <Table.Td>{groupName(group) ?? t('groups.unnamed')}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace" span>
                        {group.groupId}
                      </Text>
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
        {groups.data?.length === 0 ? (
          <Text p="md" c="dimmed">
            {t('groups.empty')}
          </Text>
        ) : null}
      </Paper>
    </>
  );
}
