import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroller on narrow screens. It can take focus, so keyboard users can scroll it too
 * (axe: scrollable-region-focusable), and is named after its table.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </Box>
  );
}
