import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Navigate } from 'react-router';
import { groupChanges } from '../../api/resources/groups';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { FormError } from '../../components/FormError';

/** `key=value` lines as tags; the lines that are not of that form, for a message. */
export function parseTagLines(text: string): { tags: Record<string, string>; bad: string[] } {
  const tags: Record<string, string> = {};
  const bad: string[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const at = line.indexOf('=');
    if (at <= 0) bad.push(line);
    else tags[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { tags, bad };
}

/** Creates a group from its name and tags, then opens its page. */
export function CreateGroupDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [tagText, setTagText] = useState('');
  const [checked, setChecked] = useState(false);
  const { tags, bad } = parseTagLines(tagText);
  const create = useChange(groupChanges.create());
  // A created group is shown on its own page: the change's answer says which.
  const created = create.data;
  if (created) return <Navigate to={`/groups/${encodeURIComponent(created.groupId ?? '')}`} />;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('groups.create')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        aria-label={t('groups.create')}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          setChecked(true);
          if (name.trim() && bad.length === 0) void create.submit({ name: name.trim(), tags });
        }}
      >
        <Stack gap="sm">
          <FormError error={create.error} retryIn={create.retryIn} />
          <TextInput
            label={t('groups.columns.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={checked && !name.trim() ? t('login.validation.required') : undefined}
            data-autofocus
          />
          <Textarea
            label={t('groups.tags')}
            description={t('groups.tagLines')}
            value={tagText}
            onChange={(e) => setTagText(e.currentTarget.value)}
            error={bad.length ? t('groups.badTagLine', { line: bad[0] ?? '' }) : undefined}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.pending}>
              {t('groups.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
