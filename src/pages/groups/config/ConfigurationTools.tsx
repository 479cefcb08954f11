import { Button, FileButton, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { diff, exportFormat, parseConfigurationFile } from '../../../../common/configuration';
import {
  type Configuration,
  configurationOf,
  groupConfigurationChanges,
} from '../../../api/resources/groupConfiguration';
import { groupName, groupQueries, type Group as SoracomGroup } from '../../../api/resources/groups';
import { useChange } from '../../../api/useChange';
import { useTranslation } from '../../../app/i18n';
import { DiffList } from '../../../components/DiffList';
import { FormError } from '../../../components/FormError';
import { notifySuccess } from '../../../lib/notify';

function download(group: SoracomGroup) {
  const body = {
    format: exportFormat,
    groupId: group.groupId,
    name: groupName(group) ?? null,
    configuration: configurationOf(group.configuration),
  };
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(body, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `group-${group.groupId}-configuration.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Export the configuration as JSON, import one, or copy another group's; what changes is shown before applying. */
export function ConfigurationTools({ group, disabled }: { group: SoracomGroup; disabled: boolean }) {
  const { t } = useTranslation();
  const groups = useQuery(groupQueries.list());
  const [incoming, setIncoming] = useState<{ source: string; configuration: Configuration } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [copyFrom, setCopyFrom] = useState('');
  const current = configurationOf(group.configuration);
  const apply = useChange(groupConfigurationChanges.apply(group.groupId ?? ''));
  async function applyIncoming() {
    if (!incoming || !(await apply.submit({ current, target: incoming.configuration }))) return;
    setIncoming(null);
    notifySuccess(t('groupConfig.tools.applied'));
  }

  async function readFile(file: File | null) {
    if (!file) return;
    try {
      setIncoming({ source: file.name, configuration: parseConfigurationFile(await file.text()) });
      setFileError(null);
    } catch (error) {
      setFileError(t('groupConfig.tools.badFile', { reason: (error as Error).message }));
    }
  }
  const others = (groups.data ?? []).filter((g) => g.groupId !== group.groupId);

  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end">
        <Button variant="default" size="xs" onClick={() => download(group)}>
          {t('groupConfig.tools.export')}
        </Button>
        <FileButton onChange={(file) => void readFile(file)} accept="application/json,.json">
          {(props) => (
            <Button variant="default" size="xs" disabled={disabled} {...props}>
              {t('groupConfig.tools.import')}
            </Button>
          )}
        </FileButton>
        <NativeSelect
          size="xs"
          label={t('groupConfig.tools.copyFrom')}
          value={copyFrom}
          onChange={(e) => setCopyFrom(e.currentTarget.value)}
          data={[
            { value: '', label: t('groupConfig.tools.chooseGroup') },
            ...others.map((g) => ({ value: g.groupId ?? '', label: groupName(g) ?? g.groupId ?? '' })),
          ]}
        />
        <Button
          variant="default"
          size="xs"
          disabled={disabled || !copyFrom}
          onClick={() => {
            const source = others.find((g) => g.groupId === copyFrom);
            if (source)
              setIncoming({
                source: groupName(source) ?? copyFrom,
                configuration: configurationOf(source.configuration),
              });
          }}
        >
          {t('groupConfig.tools.copy')}
        </Button>
      </Group>
      {disabled ? (
        <Text size="xs" c="dimmed">
          {t('groupConfig.tools.saveFirst')}
        </Text>
      ) : null}
      {fileError ? (
        <Text size="sm" c="red.8" role="alert">
          {fileError}
        </Text>
      ) : null}
      <Modal
        opened={incoming !== null}
        onClose={() => setIncoming(null)}
        title={t('groupConfig.tools.reviewTitle', { source: incoming?.source ?? '' })}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm">
          <DiffList changes={diff(current, incoming?.configuration ?? {})} label={t('groupConfig.yourChange')} />
          <FormError error={apply.error} retryIn={apply.retryIn} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setIncoming(null)} disabled={apply.pending}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void applyIncoming()} loading={apply.pending}>
              {t('groupConfig.tools.apply')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
