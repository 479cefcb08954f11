/** The event handler form's actions: one part per action (its type and that type's fields), added and removed. */
import { ActionIcon, Button, Group, Paper, Select, Stack, Title } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { type ActionType, actionFields, actionTypes } from './handlerFields';
import { type HandlerAction, maxActions, newAction, withActionType } from './handlerForm';
import { actionLabel } from './labels';
import { PropertyFields } from './PropertyFields';

export function ActionsSection({
  actions,
  onChange,
}: {
  actions: HandlerAction[];
  onChange: (actions: HandlerAction[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {actions.map((action, index) => (
        <ActionPart
          // biome-ignore lint/suspicious/noArrayIndexKey: actions have no identity but their place in the list.
          key={index}
          n={index + 1}
          action={action}
          onChange={(next) => onChange(actions.map((a, i) => (i === index ? next : a)))}
          onRemove={actions.length > 1 ? () => onChange(actions.filter((_, i) => i !== index)) : undefined}
        />
      ))}
      {actions.length < maxActions ? (
        <Group>
          <Button variant="default" size="xs" onClick={() => onChange([...actions, newAction()])}>
            {t('events.form.addAction')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}

/** Action number `n`; `onRemove` is left out when it is the only one. */
function ActionPart({
  n,
  action,
  onChange,
  onRemove,
}: {
  n: number;
  action: HandlerAction;
  onChange: (action: HandlerAction) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-label={t('events.form.action', { n })}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('events.form.action', { n })}
          </Title>
          {onRemove ? (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('events.form.removeAction', { n })}
              onClick={onRemove}
            >
              ×
            </ActionIcon>
          ) : null}
        </Group>
        <Select
          label={t('events.form.actionType')}
          required
          allowDeselect={false}
          value={action.type}
          onChange={(value) => onChange(withActionType(action, (value ?? action.type) as ActionType))}
          data={actionTypes.map((value) => ({ value, label: actionLabel(t, value) }))}
        />
        <PropertyFields
          idPrefix={`action${n}`}
          fields={actionFields[action.type]}
          values={action.values}
          onChange={(values) => onChange({ ...action, values })}
        />
      </Stack>
    </Paper>
  );
}
