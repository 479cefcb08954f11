/** The event handler form's first part: name, description, status, and what it watches (its scope). */
import { Paper, SegmentedControl, Select, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { groupQueries } from '../../api/resources/groups';
import { useTranslation } from '../../app/i18n';
import type { HandlerDraft, ScopeKind } from './handlerForm';

export function GeneralSection({
  draft,
  update,
}: {
  draft: HandlerDraft;
  update: (part: Partial<HandlerDraft>) => void;
}) {
  const { t } = useTranslation();
  const groups = useQuery({ ...groupQueries.list(), enabled: draft.scope === 'group' });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('events.form.general')}
        </Title>
        <TextInput
          label={t('events.name')}
          required
          maxLength={100}
          value={draft.name}
          onChange={(e) => update({ name: e.currentTarget.value })}
        />
        <Textarea
          label={t('events.description')}
          maxLength={1000}
          autosize
          minRows={1}
          value={draft.description}
          onChange={(e) => update({ description: e.currentTarget.value })}
        />
        <Switch
          label={t('events.form.statusLabel')}
          checked={draft.active}
          onChange={(e) => update({ active: e.currentTarget.checked })}
        />
        <Text component="label" size="sm" fw={500} id="scope-label">
          {t('events.form.scope')}
        </Text>
        <SegmentedControl
          aria-labelledby="scope-label"
          value={draft.scope}
          onChange={(value) => update({ scope: value as ScopeKind, scopeId: '' })}
          data={(['operator', 'group', 'sim', 'imsi'] as const).map((value) => ({
            value,
            label: t(`events.form.scopeKinds.${value}`),
          }))}
        />
        {draft.scope === 'group' ? (
          <Select
            label={t('events.form.group')}
            required
            searchable
            value={draft.scopeId || null}
            onChange={(value) => update({ scopeId: value ?? '' })}
            data={(groups.data ?? []).map((g) => ({
              value: g.groupId ?? '',
              label: g.tags?.name || g.groupId || '',
            }))}
          />
        ) : null}
        {draft.scope === 'sim' || draft.scope === 'imsi' ? (
          <TextInput
            label={draft.scope === 'sim' ? t('events.form.simId') : t('events.form.imsi')}
            required
            maxLength={30}
            value={draft.scopeId}
            onChange={(e) => update({ scopeId: e.currentTarget.value })}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
