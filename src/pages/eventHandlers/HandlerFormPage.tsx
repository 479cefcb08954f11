/** Creating and editing an event handler: its scope, its rule and its actions, each type with its own fields. */
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { eventHandlerChanges, eventHandlerQueries } from '../../api/resources/eventHandlers';
import { groupQueries } from '../../api/resources/groups';
import { useSession } from '../../api/session';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/notify';
import { type ActionType, actionFields, actionTypes, type RuleType, ruleFields, ruleTypes } from './handlerFields';
import { draftOf, type HandlerDraft, newDraft, type ScopeKind, toRequest } from './handlerForm';
import { actionLabel, ruleLabel } from './labels';
import { PropertyFields } from './PropertyFields';

export function NewEventHandlerPage() {
  return <HandlerForm initial={newDraft()} />;
}

export function EditEventHandlerPage() {
  const { handlerId = '' } = useParams();
  const handler = useQuery(eventHandlerQueries.detail(handlerId));
  if (handler.error) return <ErrorAlert error={handler.error} />;
  if (!handler.data) return <Skeleton height={300} />;
  return <HandlerForm initial={draftOf(handler.data)} handlerId={handlerId} />;
}

function HandlerForm({ initial, handlerId }: { initial: HandlerDraft; handlerId?: string }) {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const session = useSession();
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const created = useRef<string | undefined>(undefined);
  const create = useChange(
    eventHandlerChanges.create((handler) => {
      created.current = handler.handlerId;
    }),
  );
  const replace = useChange(eventHandlerChanges.replace(handlerId ?? ''));
  const groups = useQuery({ ...groupQueries.list(), enabled: draft.scope === 'group' });
  const change = handlerId ? replace : create;
  const update = (part: Partial<HandlerDraft>) => setDraft((d) => ({ ...d, ...part }));
  const refusal = access.refusal(
    handlerId ? 'EventHandler:updateEventHandler' : 'EventHandler:createEventHandler',
    handlerId ? { handler_id: handlerId } : undefined,
  );

  async function save() {
    const built = toRequest(draft, session?.operatorId ?? '', t);
    if ('problem' in built) {
      setProblem(built.problem);
      return;
    }
    setProblem(null);
    let id = handlerId;
    if (handlerId) {
      if (!(await replace.submit(built.request))) return;
    } else {
      if (!(await create.submit(built.request))) return;
      id = created.current;
    }
    notifySuccess(t('events.form.saved', { name: built.request.name }));
    navigate(id ? `/event-handlers/${id}` : '/event-handlers');
  }

  return (
    <>
      <PageHeader
        title={handlerId ? t('events.form.editTitle', { name: initial.name }) : t('events.form.createTitle')}
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="md" maw={900}>
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

          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('events.rule')}
              </Title>
              <Select
                label={t('events.form.ruleType')}
                required
                allowDeselect={false}
                value={draft.ruleType}
                onChange={(value) => {
                  const type = (value ?? draft.ruleType) as RuleType;
                  const timing = ruleFields[type].find((f) => f.key === 'inactiveTimeoutDateConst');
                  const first = timing?.kind === 'select' ? (timing.options[0] ?? '') : '';
                  update({ ruleType: type, rule: { inactiveTimeoutDateConst: first } });
                }}
                data={ruleTypes.map((value) => ({ value, label: ruleLabel(t, value) }))}
              />
              <PropertyFields
                idPrefix="rule"
                fields={ruleFields[draft.ruleType]}
                values={draft.rule}
                onChange={(rule) => update({ rule })}
              />
            </Stack>
          </Paper>

          {draft.actions.map((action, index) => {
            const n = index + 1;
            const setAction = (next: HandlerDraft['actions'][number]) =>
              update({ actions: draft.actions.map((a, i) => (i === index ? next : a)) });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: actions have no identity but their place in the list.
              <Paper key={index} withBorder p="md" radius="md" role="group" aria-label={t('events.form.action', { n })}>
                <Stack gap="sm">
                  <Group justify="space-between">
                    <Title order={2} size="h4">
                      {t('events.form.action', { n })}
                    </Title>
                    {draft.actions.length > 1 ? (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('events.form.removeAction', { n })}
                        onClick={() => update({ actions: draft.actions.filter((_, i) => i !== index) })}
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
                    onChange={(value) =>
                      setAction({
                        type: (value ?? action.type) as ActionType,
                        values: { executionDateTimeConst: action.values.executionDateTimeConst ?? 'IMMEDIATELY' },
                      })
                    }
                    data={actionTypes.map((value) => ({ value, label: actionLabel(t, value) }))}
                  />
                  <PropertyFields
                    idPrefix={`action${n}`}
                    fields={actionFields[action.type]}
                    values={action.values}
                    onChange={(values) => setAction({ ...action, values })}
                  />
                </Stack>
              </Paper>
            );
          })}
          {draft.actions.length < 10 ? (
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() =>
                  update({
                    actions: [
                      ...draft.actions,
                      { type: 'SendMailToOperatorAction', values: { executionDateTimeConst: 'IMMEDIATELY' } },
                    ],
                  })
                }
              >
                {t('events.form.addAction')}
              </Button>
            </Group>
          ) : null}

          {problem ? (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          ) : null}
          {change.error ? <ErrorAlert error={change.error} /> : null}
          <Group>
            <GuardedButton type="submit" refusal={refusal} loading={change.pending}>
              {t('events.form.save')}
            </GuardedButton>
            <Button
              variant="default"
              onClick={() => navigate(handlerId ? `/event-handlers/${handlerId}` : '/event-handlers')}
            >
              {t('events.form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
