import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../app/i18n';
import { FormError } from './FormError';

/**
 * Asks before a destructive action, and sends it once however often the button is pressed. The dialog stays open
 * with the error when the action fails: the error `onConfirm` throws, or, for a `useChange` change that keeps its own
 * error, `onConfirm` resolves `false` and the change's `error` and `retryIn` are passed in.
 */
export function ConfirmDialog({
  opened,
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
  children,
  canConfirm = true,
  error: changeError,
  retryIn = 0,
}: {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Resolves `false` when it did not go through (the error is then the caller's `error`). */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  children?: ReactNode;
  canConfirm?: boolean;
  error?: unknown;
  retryIn?: number;
}) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sending = useRef(false);
  // Each opening starts clean: an error belongs to the attempt that caused it.
  useEffect(() => {
    if (opened) setError(null);
  }, [opened]);

  async function confirm() {
    if (sending.current) return;
    sending.current = true;
    setPending(true);
    setError(null);
    try {
      if ((await onConfirm()) !== false) onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      sending.current = false;
      setPending(false);
    }
  }

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={pending ? () => {} : onClose}
      title={title}
      centered
    >
      <Stack gap="sm">
        <FormError error={changeError ?? error} retryIn={retryIn} />
        <Text size="sm">{message}</Text>
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={pending} disabled={!canConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
