import { Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { simChanges } from '../../../api/resources/simChanges';
import type { Sim } from '../../../api/resources/sims';
import { useChange } from '../../../api/useChange';
import { useTranslation } from '../../../app/i18n';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { notifySuccess } from '../../../lib/notify';
import { simName } from '../../../lib/sim';
import type { AnySimAction } from './types';

/** Whether what was typed names the SIM: its ID, or its name when it has one. */
export function confirmsSim(typed: string, sim: Sim): boolean {
  const value = typed.trim();
  return value !== '' && (value === sim.simId || value === simName(sim));
}

/**
 * One action on one SIM: its fields (errors shown once something was typed; the action cannot be sent while they
 * are wrong), and for a destructive action the SIM's name or ID typed to confirm. Sent once however often the button
 * is pressed; SORACOM's refusal stays in the dialog. Mount it afresh (a new `key`) for each opening.
 */
export function SimActionDialog({
  sim,
  action,
  opened,
  onClose,
}: {
  sim: Sim;
  action: AnySimAction;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const simId = sim.simId ?? '';
  const change = useChange(simChanges.act(simId, (value: unknown) => action.run(simId, value)));
  const [input, setInput] = useState<unknown>(() => action.initialInput());
  const [touched, setTouched] = useState(false);
  const [typed, setTyped] = useState('');
  const label = simName(sim) || sim.simId || '';
  const errors = action.validate(input, t);
  const { Fields } = action;
  const title =
    action.key === 'terminate' ? t('simActions.dialog.terminateTitle') : t(`simActions.confirm.${action.key}`);

  async function send(): Promise<boolean> {
    if (!(await change.submit(input))) return false;
    notifySuccess(
      action.key === 'terminate'
        ? t('simActions.dialog.terminated', { name: label })
        : action.key === 'send_sms'
          ? t('simActions.dialog.smsSent', { name: label })
          : t('simActions.dialog.done', { name: label }),
    );
    return true;
  }

  return (
    <ConfirmDialog
      opened={opened}
      title={title}
      message={t(`simActions.descriptions.${action.key}`, { name: label })}
      confirmLabel={t(`simActions.confirm.${action.key}`)}
      canConfirm={errors === null && (!action.destructive || confirmsSim(typed, sim))}
      onClose={onClose}
      onConfirm={send}
      error={change.error}
      retryIn={change.retryIn}
    >
      {Fields || action.destructive ? (
        <Stack gap="sm">
          {Fields ? (
            <Fields
              value={input}
              onChange={(next: unknown) => {
                setInput(next);
                setTouched(true);
              }}
              errors={touched ? errors : null}
              sims={[sim]}
            />
          ) : null}
          {action.destructive ? (
            <TextInput
              label={t('simActions.dialog.typeToConfirm', { name: label })}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off"
              data-autofocus
            />
          ) : null}
        </Stack>
      ) : null}
    </ConfirmDialog>
  );
}
