import { Button, CloseButton, Group, NativeSelect, Paper, SegmentedControl, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { enumLabel, type TFunction, useTranslation } from '../../app/i18n';
import {
  filterProblem,
  type SearchField,
  type SimView,
  searchFields,
  sessionStatuses,
  simStatuses,
} from '../../lib/simQuery';

/**
 * The search filters of `GET /query/sims`: pick a field, type a value (several, comma-separated), add it. Active
 * filters show as removable chips, combined with AND or OR.
 */
export function SimFilters({
  view,
  onChange,
  groupNames,
}: {
  view: SimView;
  onChange: (view: SimView) => void;
  /** Group ID → name, so a group filter reads as the group's name. */
  groupNames: (groupId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const [field, setField] = useState<SearchField>('name');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const active = searchFields.filter((f) => view.filters[f] !== undefined);

  function add(event: FormEvent) {
    event.preventDefault();
    const problem = filterProblem(field, value);
    if (problem) {
      setError(t(`simTable.filters.${problem}`));
      return;
    }
    setError(null);
    onChange({ ...view, filters: { ...view.filters, [field]: value.trim() } });
    setValue('');
  }

  function remove(name: SearchField) {
    const filters = { ...view.filters };
    delete filters[name];
    onChange({ ...view, filters });
  }

  const choice =
    field === 'session_status'
      ? sessionStatuses
      : field === 'status'
        ? simStatuses
        : (null as readonly string[] | null);

  return (
    <Paper withBorder radius="md" p="sm" mb="sm">
      <form onSubmit={add} aria-label={t('simTable.filters.label')}>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <NativeSelect
            size="xs"
            label={t('simTable.filters.field')}
            value={field}
            onChange={(event) => {
              const next = event.currentTarget.value as SearchField;
              setField(next);
              setError(null);
              setValue(next === 'session_status' ? 'ONLINE' : next === 'status' ? 'active' : '');
            }}
            data={searchFields.map((f) => ({ value: f, label: t(`simTable.fields.${f}`) }))}
          />
          {choice ? (
            <NativeSelect
              size="xs"
              label={t('simTable.filters.value')}
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
              data={choice.map((c) => ({ value: c, label: enumLabel(t, 'simTable.values', c) }))}
            />
          ) : (
            <TextInput
              size="xs"
              label={t('simTable.filters.value')}
              description={t('simTable.filters.hint')}
              value={value}
              error={error}
              onChange={(event) => {
                setValue(event.currentTarget.value);
                setError(null);
              }}
              w={260}
            />
          )}
          <Button size="xs" type="submit" variant="default">
            {t('simTable.filters.add')}
          </Button>
          {active.length > 1 ? (
            <SegmentedControl
              size="xs"
              aria-label={t('simTable.filters.combine')}
              value={view.searchType}
              onChange={(next) => onChange({ ...view, searchType: next === 'or' ? 'or' : 'and' })}
              data={[
                { value: 'and', label: t('simTable.filters.and') },
                { value: 'or', label: t('simTable.filters.or') },
              ]}
            />
          ) : null}
        </Group>
      </form>
      {active.length > 0 ? (
        <Group gap="xs" mt="xs">
          <Group gap="xs" aria-label={t('simTable.filters.active')} role="list">
            {active.map((name, index) => (
              <Group key={name} gap={4} role="listitem" wrap="nowrap">
                {index > 0 ? (
                  <Text size="xs" c="dimmed" span>
                    {view.searchType === 'or' ? t('simTable.filters.or') : t('simTable.filters.and')}
                  </Text>
                ) : null}
                <Paper withBorder radius="xl" px="sm" py={2}>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" span>
                      {t('simTable.filters.chip', {
                        field: t(`simTable.fields.${name}`),
                        value:
                          name === 'group_id'
                            ? (groupNames(view.filters.group_id ?? '') ?? view.filters.group_id)
                            : describeValue(name, view.filters[name] ?? '', t),
                      })}
                    </Text>
                    <CloseButton
                      size="xs"
                      aria-label={t('simTable.filters.remove', { field: t(`simTable.fields.${name}`) })}
                      onClick={() => remove(name)}
                    />
                  </Group>
                </Paper>
              </Group>
            ))}
          </Group>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => onChange({ ...view, filters: {}, searchType: 'and' })}
          >
            {t('simTable.filters.clearAll')}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}

function describeValue(field: SearchField, value: string, t: TFunction): string {
  if (field === 'session_status' || field === 'status') {
    return value
      .split(',')
      .map((v) => enumLabel(t, 'simTable.values', v.trim()))
      .join(', ');
  }
  return value;
}
