import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../app/i18n';
import { rowToSim, type SimRow } from '../../lib/simRow';
import { SimActionMenu } from './actions/SimActionMenu';
import classes from './SimGrid.module.css';

const dots = (
  <svg width="16" height="16" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
    <circle cx="12" cy="5" r="2" />
    <circle cx="12" cy="12" r="2" />
    <circle cx="12" cy="19" r="2" />
  </svg>
);

/**
 * A row's action menu, built only when first used: a table scrolling through 100,000 SIMs renders a plain button
 * per row, and the full menu (every action, whether it applies, its dialog) replaces it on the first click, opened.
 */
export function RowMenu({ row }: { row: SimRow }) {
  const { t } = useTranslation();
  const [active, setActive] = useState(false);
  const wrapper = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!active) return;
    const button = wrapper.current?.querySelector('button');
    button?.focus();
    button?.click();
  }, [active]);

  if (active) {
    return (
      <span ref={wrapper}>
        <SimActionMenu sim={rowToSim(row)} compact />
      </span>
    );
  }
  return (
    <button
      type="button"
      className={classes.menuButton}
      aria-label={t('simActions.menuFor', { name: row.name || row.simId })}
      aria-haspopup="menu"
      onClick={() => setActive(true)}
    >
      {dots}
    </button>
  );
}
