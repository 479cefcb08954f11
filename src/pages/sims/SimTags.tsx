import { ActionIcon, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { simChanges, type TagEdit } from '../../api/resources/simChanges';
import type { Sim } from '../../api/resources/sims';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { useAccess } from '../../components/access/useAccess';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../lib/notify';

const pencil = 'M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z';
const bin = 'M3 6h18M8 6V4h8v2M6 6l1 14h10l1-14';

function Icon({ d }: { d: string }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d={d} />
    </svg>
  );
}

/**
 * The SIM's tags: add, change and delete, each shown at once and undone (with SORACOM's error) when refused.
 * The `name` tag is the SIM's name. One change goes out at a time: the buttons that send one wait meanwhile (and while
 * the API asks to wait after a 429), so no edit is dropped unseen.
 */
export function SimTags({ sim }: { sim: Sim }) {
  const { t } = useTranslation();
  const simId = sim.simId ?? '';
  const edit = useChange(simChanges.editTag(simId));
  // A SAM user whose permissions refuse a change sees the tags without the controls, and why.
  const access = useAccess();
  const putRefusal = access.refusal('Sim:putSimTags', { sim_id: simId });
  const deleteRefusal = access.refusal('Sim:deleteSimTag', { sim_id: simId });
  const busy = edit.pending || edit.retryIn > 0;
  const [editing, setEditing] = useState<{ name: string; value: string } | null>(null);
  const [draft, setDraft] = useState({ name: '', value: '' });
  const [draftError, setDraftError] = useState<string | null>(null);
  const tags = Object.entries(sim.tags ?? {}).sort(([a], [b]) =>
    a === 'name' ? -1 : b === 'name' ? 1 : a < b ? -1 : 1,
  );

  async function apply(change: TagEdit, done: string) {
    if (await edit.submit(change)) notifySuccess(done);
  }

  function add(event: FormEvent) {
    event.preventDefault();
    const name = draft.name.trim();
    if (name === '') return setDraftError(t('simActions.validation.tagNameRequired'));
    if (busy) return;
    setDraftError(null);
    setDraft({ name: '', value: '' });
    void apply({ name, value: draft.value }, t('simActions.tags.saved', { name }));
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('simActions.tags.title')}
        </Title>
        {edit.error ? (
          <Stack gap={4}>
            <ErrorAlert error={edit.error} />
            <Text size="sm">{t('simActions.tags.undone')}</Text>
          </Stack>
        ) : null}
        {tags.length === 0 ? <Text c="dimmed">{t('simActions.tags.none')}</Text> : null}
        {tags.length ? (
          <Table aria-label={t('simActions.tags.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('simActions.tags.name')}</Table.Th>
                <Table.Th scope="col">{t('simActions.tags.value')}</Table.Th>
                <Table.Th scope="col">{t('simActions.tags.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tags.map(([name, value]) => (
                <Table.Tr key={name}>
                  <Table.Td ff="monospace">
                    {name}
                    {name === 'name' ? (
                      <Text size="xs" c="dimmed" ff="text">
                        {t('simActions.tags.nameHint')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {editing?.name === name ? (
                      <form
                        aria-label={t('simActions.tags.edit', { name })}
                        onSubmit={(event) => {
                          event.preventDefault();
                          if (busy) return;
                          setEditing(null);
                          void apply({ name, value: editing.value }, t('simActions.tags.saved', { name }));
                        }}
                      >
                        <Group gap="xs" wrap="nowrap">
                          <TextInput
                            aria-label={t('simActions.tags.value')}
                            value={editing.value}
                            onChange={(e) => setEditing({ name, value: e.currentTarget.value })}
                            autoComplete="off"
                            autoFocus
                          />
                          <Button type="submit" size="xs" disabled={busy}>
                            {t('simActions.tags.save')}
                          </Button>
                          <Button size="xs" variant="default" onClick={() => setEditing(null)}>
                            {t('simActions.tags.cancel')}
                          </Button>
                        </Group>
                      </form>
                    ) : (
                      value
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {putRefusal ? null : (
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('simActions.tags.edit', { name })}
                          onClick={() => setEditing({ name, value })}
                        >
                          <Icon d={pencil} />
                        </ActionIcon>
                      )}
                      {deleteRefusal ? null : (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          disabled={busy}
                          aria-label={t('simActions.tags.delete', { name })}
                          onClick={() => void apply({ name, value: null }, t('simActions.tags.deleted', { name }))}
                        >
                          <Icon d={bin} />
                        </ActionIcon>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        {putRefusal ? (
          <Text size="sm" c="dimmed" data-testid="tags-refusal">
            {putRefusal}
          </Text>
        ) : (
          <form aria-label={t('simActions.tags.add')} onSubmit={add}>
            <Group align="flex-start" gap="xs">
              <TextInput
                label={t('simActions.tags.name')}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
                error={draftError}
                autoComplete="off"
              />
              <TextInput
                label={t('simActions.tags.value')}
                value={draft.value}
                onChange={(e) => setDraft({ ...draft, value: e.currentTarget.value })}
                autoComplete="off"
              />
              <Button type="submit" mt={24} disabled={busy}>
                {t('simActions.tags.add')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
