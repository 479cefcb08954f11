import { ActionIcon, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { groupChanges, type Group as SoracomGroup } from '../../api/resources/groups';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { FormError } from '../../components/FormError';

/** The group's tags (`name` is its name): change a value, add one, remove one. */
export function GroupTags({ group }: { group: SoracomGroup }) {
  const { t } = useTranslation();
  const groupId = group.groupId ?? '';
  const tags = Object.entries(group.tags ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [newName, setNewName] = useState('');
  const [newValue, setNewValue] = useState('');
  const put = useChange(groupChanges.putTags(groupId));
  const remove = useChange(groupChanges.deleteTag(groupId));
  const access = useAccess();
  const putRefusal = access.refusal('Group:putGroupTags', { group_id: groupId });
  const deleteRefusal = access.refusal('Group:deleteGroupTag', { group_id: groupId });
  async function save(changes: Record<string, string>) {
    if (!(await put.submit(changes))) return;
    setEdits({});
    setNewName('');
    setNewValue('');
  }

  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('groups.tags')}
      </Title>
      <FormError error={put.error ?? remove.error} retryIn={0} />
      <Table aria-label={t('groups.tags')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('groups.tagName')}</Table.Th>
            <Table.Th scope="col">{t('groups.tagValue')}</Table.Th>
            <Table.Th scope="col">{t('groups.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tags.map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Td ff="monospace">{name}</Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('groups.tagValueOf', { name })}
                  value={edits[name] ?? value}
                  onChange={(e) => setEdits({ ...edits, [name]: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <GuardedButton
                    size="compact-xs"
                    refusal={putRefusal}
                    disabled={edits[name] === undefined || edits[name] === value || !edits[name]?.trim()}
                    onClick={() => void save({ [name]: (edits[name] ?? '').trim() })}
                  >
                    {t('common.save')}
                  </GuardedButton>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('groups.removeTag', { name })}
                    disabled={name === 'name' || Boolean(deleteRefusal)}
                    title={deleteRefusal ?? undefined}
                    onClick={() => void remove.submit(name)}
                  >
                    ×
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="xs" align="flex-end">
        <TextInput
          size="xs"
          label={t('groups.tagName')}
          value={newName}
          onChange={(e) => setNewName(e.currentTarget.value)}
        />
        <TextInput
          size="xs"
          label={t('groups.tagValue')}
          value={newValue}
          onChange={(e) => setNewValue(e.currentTarget.value)}
        />
        <GuardedButton
          size="xs"
          variant="default"
          refusal={putRefusal}
          disabled={!newName.trim() || !newValue.trim()}
          onClick={() => void save({ [newName.trim()]: newValue.trim() })}
          loading={put.pending}
        >
          {t('groups.addTag')}
        </GuardedButton>
      </Group>
    </Stack>
  );
}
