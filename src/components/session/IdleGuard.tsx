import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from '../../app/i18n';
import { type IdleState, idleMinutes, idleState } from './idle';
import { useLogout } from './useLogout';

const activity = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Signs out after the idle timeout, warning a minute before with a chance to stay. */
export function IdleGuard() {
  const { t } = useTranslation();
  const logout = useLogout('idle');
  const last = useRef(Date.now());
  const [state, setState] = useState<IdleState>({ kind: 'active' });

  useEffect(() => {
    const touch = () => {
      last.current = Date.now();
    };
    for (const name of activity) window.addEventListener(name, touch, { passive: true });
    const timer = setInterval(() => {
      const next = idleState(Date.now() - last.current, idleMinutes() * 60_000);
      setState((prev) =>
        prev.kind === next.kind && (prev.kind !== 'warning' || prev.secondsLeft === (next as typeof prev).secondsLeft)
          ? prev
          : next,
      );
    }, 1000);
    return () => {
      for (const name of activity) window.removeEventListener(name, touch);
      clearInterval(timer);
    };
  }, []);

  // Timing out is what signs out, once: not every render that follows with a new `run`.
  const timedOut = useEffectEvent(() => void logout.run());
  useEffect(() => {
    if (state.kind === 'timedOut') timedOut();
  }, [state.kind]);

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={state.kind === 'warning'}
      onClose={() => {
        last.current = Date.now();
        setState({ kind: 'active' });
      }}
      title={t('session.idleTitle')}
      centered
    >
      <Text role="status">{t('session.idleBody', { seconds: state.kind === 'warning' ? state.secondsLeft : 0 })}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => void logout.run()}>
          {t('session.signOutNow')}
        </Button>
        <Button
          data-autofocus
          onClick={() => {
            last.current = Date.now();
            setState({ kind: 'active' });
          }}
        >
          {t('session.staySignedIn')}
        </Button>
      </Group>
    </Modal>
  );
}
