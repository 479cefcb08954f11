import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The scroller around a table: sideways on narrow screens, and down as well when `maxHeight` is set. It can take
 * focus, so keyboard users can scroll it too (axe: scrollable-region-focusable), and is named after its table.
 */
export function TableScroll({
  label,
  maxHeight,
  children,
}: {
  label: string;
  maxHeight?: number;
  children: ReactNode;
}) {
  return (
    <Box
      role="region"
      aria-label={label}
      tabIndex={0}
      style={maxHeight === undefined ? { overflowX: 'auto' } : { maxHeight, overflow: 'auto' }}
    >
      {children}
    </Box>
  );
}
