import { ActionIcon, Button, Menu, Text } from '@mantine/core';
import { Fragment, useId, useState } from 'react';
import type { Sim } from '../../../api/resources/sims';
import { useTranslation } from '../../../app/i18n';
import { useAccess } from '../../../components/access/useAccess';
import { simName } from '../../../lib/sim';
import { simActionApis } from './actionApis';
import { simActions } from './catalog';
import { SimActionDialog } from './SimActionDialog';
import type { AnySimAction, SimActionKey } from './types';

/** A divider goes before these, grouping status, settings, session and termination. */
const groupStarts = new Set<SimActionKey>(['update_speed_class', 'delete_session', 'disable_termination']);

/**
 * Every SIM action; those that make no sense for the SIM now are disabled with the reason below them. `compact`
 * makes the target an icon button (for table rows), named after the SIM for screen readers.
 */
export function SimActionMenu({ sim, compact = false }: { sim: Sim; compact?: boolean }) {
  const { t } = useTranslation();
  const baseId = useId();
  const [chosen, setChosen] = useState<AnySimAction | null>(null);
  const [opened, setOpened] = useState(false);
  const [openings, setOpenings] = useState(0);
  const label = simName(sim) || sim.simId || '';
  const access = useAccess();

  return (
    <>
      {/* The list scrolls within small windows: its items are then tabbable, so the scrolled region can be reached by
          keyboard; and no focus placeholder, which a menu may not contain. */}
      <Menu position="bottom-end" withinPortal menuItemTabIndex={0} withInitialFocusPlaceholder={false}>
        <Menu.Target>
          {compact ? (
            <ActionIcon variant="subtle" color="gray" aria-label={t('simActions.menuFor', { name: label })}>
              <svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
                <circle cx="12" cy="5" r="2" />
                <circle cx="12" cy="12" r="2" />
                <circle cx="12" cy="19" r="2" />
              </svg>
            </ActionIcon>
          ) : (
            <Button variant="default">{t('simActions.menu')}</Button>
          )}
        </Menu.Target>
        <Menu.Dropdown maw={320} mah="min(80vh, 640px)" style={{ overflowY: 'auto' }}>
          {simActions.map((action) => {
            // What the permissions refuse comes first: it holds whatever state the SIM is in.
            const refusal = access.refusal(simActionApis[action.key], { sim_id: sim.simId ?? '' });
            const applies = action.applies(sim);
            const ok = applies.ok && !refusal;
            const reason = refusal ?? (applies.ok ? '' : t(applies.reasonKey));
            const reasonId = `${baseId}-${action.key}`;
            return (
              <Fragment key={action.key}>
                {groupStarts.has(action.key) ? <Menu.Divider /> : null}
                <Menu.Item
                  color={action.destructive ? 'red' : undefined}
                  disabled={!ok}
                  aria-describedby={ok ? undefined : reasonId}
                  onClick={() => {
                    setChosen(action);
                    setOpenings((n) => n + 1);
                    setOpened(true);
                  }}
                >
                  {t(action.labelKey)}
                  {ok ? null : (
                    // Hidden from the name (it describes the item instead), shown to everyone.
                    <Text id={reasonId} aria-hidden="true" size="xs" c="dimmed">
                      {reason}
                    </Text>
                  )}
                </Menu.Item>
              </Fragment>
            );
          })}
        </Menu.Dropdown>
      </Menu>
      {chosen ? (
        <SimActionDialog key={openings} sim={sim} action={chosen} opened={opened} onClose={() => setOpened(false)} />
      ) : null}
    </>
  );
}
