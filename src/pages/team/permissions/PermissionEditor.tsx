import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { DiffList } from '../../../components/DiffList';
import { FormError } from '../../../components/FormError';
import { permissionChanges, validatePermissionText, withStatement } from './permissionText';
import { StatementForm } from './StatementForm';

export interface PermissionSave {
  /** Resolves to whether the save went through. */
  submit: (text: string) => Promise<boolean>;
  pending: boolean;
  error: unknown;
  retryIn: number;
}

/**
 * A permission as JSON, checked as it is typed with the evaluator the sandbox enforces; statements can be added from
 * the catalogue; saving first shows what changes. The text typed stays when a save fails.
 */
export function PermissionEditor({
  title,
  saved,
  allowEmpty,
  save,
  readOnlyReason,
}: {
  title: string;
  saved: string;
  /** An empty permission removes it (a user's, the defaults); a role must have one. */
  allowEmpty: boolean;
  save: PermissionSave;
  /** Set when the signed-in account may not save it. */
  readOnlyReason?: string | null;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(saved);
  const [base, setBase] = useState(saved);
  const [reviewing, setReviewing] = useState(false);
  // A newer saved text (after a save, or someone else's) becomes the base; what is being typed is kept.
  if (saved !== base) {
    if (text === base) setText(saved);
    setBase(saved);
  }
  const validation = validatePermissionText(text, allowEmpty);
  const changes = permissionChanges(saved, text);
  const dirty = text !== saved;
  const fieldError = validation.ok
    ? undefined
    : validation.required
      ? t('team.editor.required')
      : t('team.editor.invalid', { message: validation.message });

  async function confirm() {
    if (await save.submit(text)) setReviewing(false);
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Textarea
          label={t('team.editor.json')}
          description={t('team.editor.jsonHelp')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setReviewing(false);
          }}
          error={fieldError}
          autosize
          minRows={6}
          maxRows={24}
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          readOnly={Boolean(readOnlyReason)}
        />
        {readOnlyReason ? (
          <Text size="sm" c="dimmed">
            {readOnlyReason}
          </Text>
        ) : (
          <StatementForm
            disabledReason={validation.ok || text.trim() === '' ? undefined : t('team.editor.fixFirst')}
            onAdd={(statement) => {
              const next = withStatement(text, statement);
              if (next !== null) setText(next);
            }}
          />
        )}
        {reviewing ? (
          <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-default-hover)">
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {text.trim() === '' ? t('team.editor.willRemove') : t('team.editor.review')}
              </Text>
              <DiffList changes={changes} label={t('team.editor.changes')} />
              <FormError error={save.error} retryIn={save.retryIn} />
              <Group gap="xs">
                <Button size="xs" onClick={() => void confirm()} loading={save.pending} disabled={!validation.ok}>
                  {t('team.editor.save')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setReviewing(false)} disabled={save.pending}>
                  {t('team.editor.back')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : readOnlyReason ? null : (
          <Group gap="xs">
            <Button size="xs" onClick={() => setReviewing(true)} disabled={!dirty || !validation.ok}>
              {t('team.editor.reviewButton')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setText(saved)} disabled={!dirty}>
              {t('team.editor.discard')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
