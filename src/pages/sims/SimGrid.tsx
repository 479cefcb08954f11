import { Skeleton, VisuallyHidden } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, type ReactNode, useCallback, useMemo, useRef } from 'react';
import { useTranslation } from '../../app/i18n';
import { RenderGuard } from '../../components/RenderGuard';
import type { SortDirection } from '../../lib/simQuery';
import type { SimRow } from '../../lib/simRow';
import classes from './SimGrid.module.css';
import type { ColumnContext, SimColumn } from './simColumns';

export const rowHeight = 40;
const checkboxWidth = 44;
const menuWidth = 56;
const estimateSize = () => rowHeight;

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
  /** Rows that may be selected (all when not given). */
  selectable?: (row: SimRow) => boolean;
}

/**
 * The SIM table: only the rows in sight are in the document (TanStack Virtual), so 100,000 scroll as smoothly as
 * 50. It is a real table (laid out with flex rows), with row counts and sort state for assistive tech.
 */
export function SimGrid(props: SimGridProps) {
  const { t } = useTranslation();
  const { rows, columns, ctx, selected } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // Stable functions: the virtualiser works out every row's position again (100,000 of them) whenever these change.
  const getItemKey = useCallback((index: number) => rows[index]?.simId ?? index, [rows]);
  const getScrollElement = useCallback(() => scroller.current, []);
  const virtualizer = useVirtualizer({
    count: props.loading && rows.length === 0 ? 8 : rows.length,
    getScrollElement,
    estimateSize,
    overscan: 12,
    getItemKey,
  });
  const width = checkboxWidth + columns.reduce((sum, c) => sum + c.width, 0) + (props.rowMenu ? menuWidth : 0);
  // Worked out when the rows or the selection change, not on every scroll frame (a pass over 100,000 rows).
  const { allSelected, someSelected } = useMemo(() => {
    if (selected.size === 0 || rows.length === 0) return { allSelected: false, someSelected: false };
    const all = rows.every((row) => selected.has(row.simId));
    return { allSelected: all, someSelected: !all && rows.some((row) => selected.has(row.simId)) };
  }, [rows, selected]);

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
              <input
                type="checkbox"
                ref={(input) => {
                  if (input) input.indeterminate = someSelected;
                }}
                className={classes.checkbox}
                aria-label={t('simTable.selectAll', { count: rows.length })}
                checked={allSelected}
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
            return (
              <GridRow
                key={item.key}
                row={row}
                index={item.index}
                start={item.start}
                width={width}
                columns={columns}
                ctx={ctx}
                selected={selected.has(row.simId)}
                onToggle={props.onToggle}
                rowMenu={props.rowMenu}
                disabled={props.selectable ? !props.selectable(row) : false}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface GridRowProps {
  row: SimRow;
  index: number;
  start: number;
  width: number;
  columns: SimColumn[];
  ctx: ColumnContext;
  selected: boolean;
  onToggle: (simId: string) => void;
  rowMenu?: (row: SimRow) => ReactNode;
  disabled: boolean;
}

/**
 * One row. Memoised: while scrolling, rows already in sight keep their props and are not rendered again, so a frame
 * only renders the few rows coming into view. The checkbox is a native one, the cheapest to create.
 */
const GridRow = memo(function GridRow({
  row,
  index,
  start,
  width,
  columns,
  ctx,
  selected,
  onToggle,
  rowMenu,
  disabled,
}: GridRowProps) {
  return (
    <tr
      className={classes.row}
      style={{ width, height: rowHeight, transform: `translateY(${start}px)` }}
      aria-rowindex={index + 2}
      data-selected={selected || undefined}
    >
      <td className={classes.cell} style={{ width: checkboxWidth }}>
        <input
          type="checkbox"
          className={classes.checkbox}
          aria-label={ctx.t('simTable.select', { name: row.name || row.simId })}
          checked={selected}
          disabled={disabled}
          onChange={() => onToggle(row.simId)}
        />
      </td>
      {rowMenu ? (
        <td className={classes.cell} style={{ width: menuWidth }}>
          {rowMenu(row)}
        </td>
      ) : null}
      {columns.map((column) => (
        <td key={column.id} className={classes.cell} style={{ width: column.width }}>
          <RenderGuard kind="cell">
            <Cell column={column} row={row} ctx={ctx} />
          </RenderGuard>
        </td>
      ))}
    </tr>
  );
});

/** A cell rendered inside its guard, so a value that trips its column spoils that cell only. */
function Cell({ column, row, ctx }: { column: SimColumn; row: SimRow; ctx: ColumnContext }) {
  return column.cell(row, ctx);
}
