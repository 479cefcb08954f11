import { ActionIcon, Button, Group, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { simChanges } from '../../api/resources/simChanges';
import { useUnsavedWork } from '../../api/unsavedWork';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { useAccess } from '../../components/access/useAccess';
import { FormError } from '../../components/FormError';
import { notifySuccess } from '../../lib/notify';

/** The SIM's name as the page title, renamed in place. A failed save keeps what was typed. */
export function SimNameEditor({ simId, name }: { simId: string; name: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const save = useChange(simChanges.rename(simId));
  // The name is the `name` tag: a SAM user who may not set tags gets no rename button.
  const refusal = useAccess().refusal('Sim:putSimTags', { sim_id: simId });

  async function rename(to: string) {
    if (!(await save.submit(to))) return;
    setDraft(null);
    notifySuccess(t('sims.renamed'));
  }
  useUnsavedWork(draft !== null && draft !== name);

  if (draft === null) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Title order={2}>{name || t('sims.unnamed')}</Title>
        {refusal ? null : (
          <ActionIcon variant="subtle" aria-label={t('sims.rename')} onClick={() => setDraft(name)}>
            <svg
              width="16"
              height="16"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              aria-hidden="true"
            >
              <path d="M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z" />
            </svg>
          </ActionIcon>
        )}
      </Group>
    );
  }
  return (
    <form
      aria-label={t('sims.rename')}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (draft.trim()) void rename(draft);
      }}
    >
      <Group gap="xs" align="flex-end">
        <TextInput
          label={t('sims.columns.name')}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          error={draft.trim() ? undefined : t('login.validation.required')}
          data-autofocus
          autoFocus
        />
        <Button type="submit" loading={save.pending}>
          {t('common.save')}
        </Button>
        <Button variant="default" onClick={() => setDraft(null)} disabled={save.pending}>
          {t('common.cancel')}
        </Button>
      </Group>
      <FormError error={save.error} retryIn={save.retryIn} />
    </form>
  );
}
