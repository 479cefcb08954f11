import { Button, Group, Textarea } from '@mantine/core';
import { useState } from 'react';
import { isObject, type JsonObject } from '../../../../common/configuration';
import { useTranslation } from '../../../app/i18n';

/** The namespace as JSON, editable: applied to the draft only when it parses as an object. */
export function JsonView({ draft, onDraft }: { draft: JsonObject; onDraft: (next: JsonObject) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(draft, null, 2));
  const [error, setError] = useState<string | null>(null);

  function apply() {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (!isObject(parsed)) throw new Error(t('groupConfig.json.notObject'));
      setError(null);
      onDraft(parsed);
    } catch (caught) {
      setError(t('groupConfig.json.invalid', { reason: (caught as Error).message }));
    }
  }

  return (
    <>
      <Textarea
        label={t('groupConfig.json.label')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={error ?? undefined}
        autosize
        minRows={6}
        maxRows={24}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        spellCheck={false}
      />
      <Group mt="xs">
        <Button variant="default" size="xs" onClick={apply}>
          {t('groupConfig.json.apply')}
        </Button>
      </Group>
    </>
  );
}
