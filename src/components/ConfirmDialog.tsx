import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../app/i18n';
import { FormError } from './FormError';

/**
 * Asks before a destructive action, and sends it once however often the button is pressed. The dialog stays open
 * with the error when the action fails: when `onConfirm` throws, or when it resolves to `false` (a change sent with
 * `useChange`, whose `error` and `retryIn` are then given to show).
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
  error: changeError = null,
  retryIn = 0,
}: {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Resolves to `false` when the action did not go through (its error is then the `error` given). */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  children?: ReactNode;
  canConfirm?: boolean;
  /** The error of the change `onConfirm` sends, shown once it has been tried in this opening. */
  error?: unknown;
  retryIn?: number;
}) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tried, setTried] = useState(false);
  const sending = useRef(false);
  // Each opening starts clean: an error belongs to the attempt that caused it.
  useEffect(() => {
    if (opened) {
      setError(null);
      setTried(false);
    }
  }, [opened]);

  async function confirm() {
    if (sending.current) return;
    sending.current = true;
    setPending(true);
    setError(null);
    setTried(true);
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
        <FormError error={error ?? (tried ? changeError : null)} retryIn={error ? 0 : retryIn} />
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
