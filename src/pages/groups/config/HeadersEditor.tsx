import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { getPath, isObject, type JsonObject, type Path, setPath } from '../../../../common/configuration';
import { useTranslation } from '../../../app/i18n';

/** Headers to add, as name → value pairs at `path`. */
export function HeadersEditor({
  draft,
  path,
  onDraft,
}: {
  draft: JsonObject;
  path: Path;
  onDraft: (next: JsonObject) => void;
}) {
  const { t } = useTranslation();
  const current = getPath(draft, path);
  const headers = isObject(current) ? Object.entries(current) : [];
  const write = (entries: [string, unknown][]) =>
    onDraft(setPath(draft, path, entries.length ? (Object.fromEntries(entries) as JsonObject) : undefined));

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('groupConfig.beam.headers')}
      </Text>
      {headers.map(([name, value], index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the name is what is being edited, so the position is the identity
        <Group key={index} gap="xs" wrap="nowrap">
          <TextInput
            aria-label={t('groupConfig.beam.headerName')}
            value={name}
            onChange={(e) => write(headers.map((h, i) => (i === index ? [e.currentTarget.value, h[1]] : h)))}
          />
          <TextInput
            aria-label={t('groupConfig.beam.headerValue')}
            value={typeof value === 'string' ? value : JSON.stringify(value)}
            onChange={(e) => write(headers.map((h, i) => (i === index ? [h[0], e.currentTarget.value] : h)))}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('groupConfig.beam.removeHeader', { name })}
            onClick={() => write(headers.filter((_, i) => i !== index))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button size="compact-xs" variant="default" w="fit-content" onClick={() => write([...headers, ['', '']])}>
        {t('groupConfig.beam.addHeader')}
      </Button>
    </Stack>
  );
}
