/** Bars, grouped side by side or stacked, one column per datum. With `onSelect`, each column is a button. */
import { type KeyboardEvent, useState } from 'react';
import { ChartFrame } from './ChartFrame';
import { colorVar, pct } from './ticks';
import type { ChartDatum, ChartSeries } from './types';

export interface BarChartProps {
  /** The accessible name. */
  title: string;
  data: ChartDatum[];
  series: ChartSeries[];
  stacked?: boolean;
  formatValue: (n: number) => string;
  height?: number;
  onSelect?: (index: number) => void;
}

/** Share of a column the bars take; the rest is the gap between columns. */
const fill = 0.7;

export function BarChart({ title, data, series, stacked = false, formatValue, height = 240, onSelect }: BarChartProps) {
  const [active, setActive] = useState<number | null>(null);
  const value = (d: ChartDatum, key: string) => Math.max(0, d.values[key] ?? 0);
  const max = Math.max(
    0,
    ...data.map((d) =>
      stacked
        ? series.reduce((sum, s) => sum + value(d, s.key), 0)
        : Math.max(0, ...series.map((s) => value(d, s.key))),
    ),
  );
  const describe = (d: ChartDatum) =>
    `${d.label}: ${series.map((s) => `${s.label} ${formatValue(value(d, s.key))}`).join(', ')}`;
  const onKey = (event: KeyboardEvent, index: number) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect?.(index);
    }
  };

  return (
    <ChartFrame
      title={title}
      data={data}
      series={series}
      max={max}
      formatValue={formatValue}
      height={height}
      active={active}
      setActive={setActive}
      role={onSelect ? 'group' : 'img'}
    >
      {({ height: bottom, y }) =>
        data.map((d, i) => {
          const column = 1 / data.length;
          const left = i * column + (column * (1 - fill)) / 2;
          const width = column * fill;
          let base = 0;
          const bars = series.map((s, k) => {
            const v = value(d, s.key);
            const barTop = y(base + v);
            const barBottom = y(base);
            if (stacked) base += v;
            const x = stacked ? left : left + (width / series.length) * k;
            const w = stacked ? width : width / series.length;
            return v > 0 ? (
              <rect
                key={s.key}
                x={pct(x)}
                width={pct(w)}
                y={barTop}
                height={Math.max(0, barBottom - barTop)}
                style={{ fill: colorVar(s.color) }}
              />
            ) : null;
          });
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: the column is a button when it can be selected; otherwise the pointer only shows the readout, whose figures are also in the summary
            <g
              // biome-ignore lint/suspicious/noArrayIndexKey: a column's place is its identity (labels may repeat)
              key={i}
              role={onSelect ? 'button' : undefined}
              tabIndex={onSelect ? 0 : undefined}
              aria-label={onSelect ? describe(d) : undefined}
              onClick={onSelect ? () => onSelect(i) : undefined}
              onKeyDown={onSelect ? (event) => onKey(event, i) : undefined}
              onMouseEnter={() => setActive(i)}
              onFocus={() => setActive(i)}
              onBlur={() => setActive(null)}
              style={onSelect ? { cursor: 'pointer', outlineOffset: 2 } : undefined}
            >
              <title>{describe(d)}</title>
              {/* The whole column answers the pointer, not only the bars (a short bar is hard to hit). */}
              <rect x={pct(i * column)} width={pct(column)} y={0} height={bottom} style={{ fill: 'transparent' }} />
              {bars}
            </g>
          );
        })
      }
    </ChartFrame>
  );
}
