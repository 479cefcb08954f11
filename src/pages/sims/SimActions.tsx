import { Button, Menu, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { changeSimStatus, type StatusAction, setSimTermination } from '../../api/queries/simActions';
import type { Sim } from '../../api/queries/sims';
import { useTranslation } from '../../app/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifySuccess } from '../../lib/notify';
import { simName } from '../../lib/sim';

const statusActions: { action: StatusAction; target: NonNullable<Sim['status']> }[] = [
  { action: 'activate', target: 'active' },
  { action: 'deactivate', target: 'inactive' },
  { action: 'set_to_standby', target: 'standby' },
  { action: 'suspend', target: 'suspended' },
];

type Pending = { kind: 'status'; action: StatusAction } | { kind: 'protection' } | { kind: 'terminate' } | null;

/**
 * What can be done to a SIM: status changes, termination protection, and terminating (only once protection is off,
 * confirmed by typing the SIM's name or ID). SORACOM decides which transitions are allowed; its answer is shown.
 */
export function SimActions({ sim }: { sim: Sim }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending>(null);
  const [typed, setTyped] = useState('');
  const simId = sim.simId ?? '';
  const label = simName(sim) || simId;
  const terminated = sim.status === 'terminated';
  const close = () => {
    setPending(null);
    setTyped('');
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" disabled={terminated}>
            {t('sims.actions.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {statusActions
            .filter(({ target }) => target !== sim.status)
            .map(({ action }) => (
              <Menu.Item key={action} onClick={() => setPending({ kind: 'status', action })}>
                {t(`sims.actions.${action}`)}
              </Menu.Item>
            ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setPending({ kind: 'protection' })}>
            {sim.terminationEnabled ? t('sims.actions.protect') : t('sims.actions.unprotect')}
          </Menu.Item>
          <Menu.Item color="red" disabled={!sim.terminationEnabled} onClick={() => setPending({ kind: 'terminate' })}>
            {t('sims.actions.terminate')}
          </Menu.Item>
          {!sim.terminationEnabled ? (
            <Text size="xs" c="dimmed" px="sm" pb="xs" maw={260}>
              {t('sims.actions.protectedHint')}
            </Text>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog
        opened={pending?.kind === 'status'}
        title={pending?.kind === 'status' ? t(`sims.actions.${pending.action}`) : ''}
        message={
          pending?.kind === 'status'
            ? t('sims.actions.confirmStatus', { name: label, action: t(`sims.actions.${pending.action}`) })
            : ''
        }
        confirmLabel={pending?.kind === 'status' ? t(`sims.actions.${pending.action}`) : ''}
        onClose={close}
        onConfirm={async () => {
          if (pending?.kind !== 'status') return;
          await changeSimStatus(queryClient, simId, pending.action);
          notifySuccess(t('sims.actions.done', { name: label }));
        }}
      />
      <ConfirmDialog
        opened={pending?.kind === 'protection'}
        title={sim.terminationEnabled ? t('sims.actions.protect') : t('sims.actions.unprotect')}
        message={
          sim.terminationEnabled
            ? t('sims.actions.protectBody', { name: label })
            : t('sims.actions.unprotectBody', { name: label })
        }
        confirmLabel={sim.terminationEnabled ? t('sims.actions.protect') : t('sims.actions.unprotect')}
        onClose={close}
        onConfirm={async () => {
          await setSimTermination(queryClient, simId, !sim.terminationEnabled);
          notifySuccess(t('sims.actions.done', { name: label }));
        }}
      />
      <ConfirmDialog
        opened={pending?.kind === 'terminate'}
        title={t('sims.actions.terminateTitle')}
        message={t('sims.actions.terminateBody', { name: label })}
        confirmLabel={t('sims.actions.terminate')}
        canConfirm={typed.trim() !== '' && (typed.trim() === simId || typed.trim() === simName(sim))}
        onClose={close}
        onConfirm={async () => {
          await changeSimStatus(queryClient, simId, 'terminate');
          notifySuccess(t('sims.actions.terminated', { name: label }));
        }}
      >
        <TextInput
          label={t('sims.actions.typeToConfirm', { name: label })}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
      </ConfirmDialog>
    </>
  );
}
