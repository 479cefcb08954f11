import { Checkbox, Skeleton, VisuallyHidden } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from '../../app/i18n';
import type { SortDirection } from '../../lib/simQuery';
import type { SimRow } from '../../lib/simRow';
import classes from './SimGrid.module.css';
import type { ColumnContext, SimColumn } from './simColumns';

export const rowHeight = 40;
const checkboxWidth = 44;
const menuWidth = 56;

export interface SimGridProps {
  label: string;
  rows: SimRow[];
  columns: SimColumn[];
  ctx: ColumnContext;
  loading: boolean;
  /** Height of the scrolling area in pixels. */
  height: number;
  sort?: { column: string; direction: SortDirection } | null;
  /** Sorting is offered only when this is given (whole-fleet mode). */
  onSort?: (column: string) => void;
  selected: ReadonlySet<string>;
  onToggle: (simId: string) => void;
  /** Selects every row given (or clears them all). */
  onToggleAll: (select: boolean) => void;
  rowMenu?: (row: SimRow) => ReactNode;
}

/**
 * The SIM table: only the rows in sight are in the document (TanStack Virtual), so 100,000 scroll as smoothly as
 * 50. It is a real table (laid out with flex rows), with row counts and sort state for assistive tech.
 */
export function SimGrid(props: SimGridProps) {
  const { t } = useTranslation();
  const { rows, columns, ctx, selected } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.loading && rows.length === 0 ? 8 : rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    getItemKey: (index) => rows[index]?.simId ?? index,
  });
  const width = checkboxWidth + columns.reduce((sum, c) => sum + c.width, 0) + (props.rowMenu ? menuWidth : 0);
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.simId));
  const someSelected = !allSelected && rows.some((row) => selected.has(row.simId));

  return (
    <div
      ref={scroller}
      className={classes.scroller}
      style={{ height: props.height }}
      // The scrolling region is reachable by keyboard, so it can be scrolled without a mouse.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
      tabIndex={0}
    >
      <table
        className={classes.table}
        aria-label={props.label}
        aria-rowcount={rows.length + 1}
        aria-busy={props.loading}
      >
        <thead className={classes.header} style={{ width }}>
          <tr className={classes.headerRow} aria-rowindex={1}>
            <th className={classes.headerCell} style={{ width: checkboxWidth }} scope="col">
              <Checkbox
                size="xs"
                aria-label={t('simTable.selectAll', { count: rows.length })}
                checked={allSelected}
                indeterminate={someSelected}
                disabled={rows.length === 0}
                onChange={() => props.onToggleAll(!allSelected)}
              />
            </th>
            {props.rowMenu ? (
              <th className={classes.headerCell} style={{ width: menuWidth }} scope="col">
                <VisuallyHidden>{t('simTable.rowActions')}</VisuallyHidden>
              </th>
            ) : null}
            {columns.map((column) => {
              const sorted = props.sort?.column === column.id ? props.sort.direction : null;
              return (
                <th
                  key={column.id}
                  className={classes.headerCell}
                  style={{ width: column.width }}
                  scope="col"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                >
                  {props.onSort ? (
                    <button type="button" className={classes.sortButton} onClick={() => props.onSort?.(column.id)}>
                      {column.header(t)}
                      <span aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                    </button>
                  ) : (
                    column.header(t)
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className={classes.body} style={{ height: virtualizer.getTotalSize(), width }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) {
              return (
                <tr
                  key={item.key}
                  className={classes.row}
                  style={{ width, height: rowHeight, transform: `translateY(${item.start}px)` }}
                >
                  <td className={classes.cell} style={{ width }}>
                    <Skeleton height={14} />
                  </td>
                </tr>
              );
            }
            const isSelected = selected.has(row.simId);
            return (
              <tr
                key={item.key}
                className={classes.row}
                style={{ width, height: rowHeight, transform: `translateY(${item.start}px)` }}
                aria-rowindex={item.index + 2}
                data-selected={isSelected || undefined}
              >
                <td className={classes.cell} style={{ width: checkboxWidth }}>
                  <Checkbox
                    size="xs"
                    aria-label={t('simTable.select', { name: row.name || row.simId })}
                    checked={isSelected}
                    onChange={() => props.onToggle(row.simId)}
                  />
                </td>
                {props.rowMenu ? (
                  <td className={classes.cell} style={{ width: menuWidth }}>
                    {props.rowMenu(row)}
                  </td>
                ) : null}
                {columns.map((column) => (
                  <td key={column.id} className={classes.cell} style={{ width: column.width }}>
                    {column.cell(row, ctx)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
