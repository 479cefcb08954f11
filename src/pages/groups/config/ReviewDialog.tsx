import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { diff, type JsonObject } from '../../../../common/configuration';
import type { NamespaceConflict } from '../../../api/resources/groupConfiguration';
import { useTranslation } from '../../../app/i18n';
import { DiffList } from '../../../components/DiffList';
import { FormError } from '../../../components/FormError';

/** What saving will change, key by key; and, when the namespace changed meanwhile, what the other change was. */
export function ReviewDialog({
  opened,
  namespace,
  loaded,
  draft,
  conflict,
  pending,
  error,
  onClose,
  onSave,
  onOverwrite,
  onReload,
}: {
  opened: boolean;
  namespace: string;
  loaded: JsonObject;
  draft: JsonObject;
  conflict: NamespaceConflict | null;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSave: () => void;
  onOverwrite: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={pending ? () => {} : onClose}
      title={t('groupConfig.reviewTitle', { namespace })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        {conflict ? (
          <>
            <Alert color="orange" title={t('groupConfig.conflictTitle')} role="alert">
              {t('groupConfig.conflictBody')}
            </Alert>
            <Text fw={600} size="sm">
              {t('groupConfig.theirChange')}
            </Text>
            <DiffList changes={diff(loaded, conflict.theirs)} label={t('groupConfig.theirChange')} />
            <Text fw={600} size="sm">
              {t('groupConfig.yourChange')}
            </Text>
          </>
        ) : null}
        <DiffList changes={diff(loaded, draft)} label={t('groupConfig.yourChange')} />
        <FormError error={error} retryIn={0} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          {conflict ? (
            <>
              <Button variant="default" onClick={onReload} disabled={pending}>
                {t('groupConfig.reloadTheirs')}
              </Button>
              <Button color="orange" onClick={onOverwrite} loading={pending}>
                {t('groupConfig.overwrite')}
              </Button>
            </>
          ) : (
            <Button onClick={onSave} loading={pending}>
              {t('groupConfig.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
