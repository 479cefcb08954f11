/**
 * Creating and editing an event handler: its scope, its rule and its actions, each type with its own fields (one
 * section each, in the files named after them); this page holds the draft and saves it.
 */
import { Alert, Button, Group, Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { eventHandlerChanges, eventHandlerQueries } from '../../api/resources/eventHandlers';
import { useSession } from '../../api/session';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/notify';
import { ActionsSection } from './ActionsSection';
import { GeneralSection } from './GeneralSection';
import { draftOf, type HandlerDraft, newDraft, toRequest } from './handlerForm';
import { RuleSection } from './RuleSection';

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
          <GeneralSection draft={draft} update={update} />
          <RuleSection draft={draft} update={update} />
          <ActionsSection actions={draft.actions} onChange={(actions) => update({ actions })} />

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
