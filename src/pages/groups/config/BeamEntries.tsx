import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { type Json, type JsonObject, setPath } from '../../../../common/configuration';
import { useTranslation } from '../../../app/i18n';
import { isUrl } from '../../../lib/validators';
import { beamEntryFields, beamEntryProtocols, isBeamEntry } from './beam';
import { FieldControl } from './FieldControl';
import type { FieldError } from './fieldValue';
import { HeadersEditor } from './HeadersEditor';

/** SoracomBeam: one card per entry point, each with its destination and options; add and remove entry points. */
export function BeamEntries({
  draft,
  onDraft,
  onError,
}: {
  draft: JsonObject;
  onDraft: (next: JsonObject) => void;
  onError: (key: string, error: FieldError) => void;
}) {
  const { t } = useTranslation();
  const [entry, setEntry] = useState('');
  const entries = Object.keys(draft).filter(isBeamEntry).sort();
  const valid = isUrl(entry.trim(), beamEntryProtocols) && !Object.hasOwn(draft, entry.trim());

  return (
    <Stack gap="sm">
      {entries.length === 0 ? <Text c="dimmed">{t('groupConfig.beam.none')}</Text> : null}
      {entries.map((key) => (
        <Paper key={key} withBorder p="sm" radius="md">
          <Group justify="space-between" mb="xs">
            <Title order={4} size="h6" ff="monospace">
              {key}
            </Title>
            <Button
              size="compact-xs"
              variant="default"
              color="red"
              onClick={() => onDraft(setPath(draft, [key], undefined))}
            >
              {t('groupConfig.beam.remove')}
            </Button>
          </Group>
          <Stack gap="xs">
            {beamEntryFields(key).map((field) => (
              <FieldControl
                key={field.path.join('.')}
                field={field}
                draft={draft}
                onChange={(value: Json | undefined) => onDraft(setPath(draft, field.path, value))}
                onError={(error) => onError(field.path.join('\u0000'), error)}
              />
            ))}
            <HeadersEditor draft={draft} path={[key, 'customHeaders']} onDraft={onDraft} />
          </Stack>
        </Paper>
      ))}
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t('groupConfig.beam.newEntry')}
          description={t('groupConfig.beam.newEntryHelp')}
          value={entry}
          onChange={(e) => setEntry(e.currentTarget.value)}
          error={
            entry.trim() && !valid
              ? t('groupConfig.errors.url', { protocols: beamEntryProtocols.join(', ') })
              : undefined
          }
          w={360}
        />
        <Button
          variant="default"
          disabled={!valid}
          onClick={() => {
            onDraft(setPath(draft, [entry.trim()], { enabled: true }));
            setEntry('');
          }}
        >
          {t('groupConfig.beam.add')}
        </Button>
      </Group>
    </Stack>
  );
}
