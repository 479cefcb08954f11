/**
 * Lines, one per series, a point per datum at the middle of its column (where the x label is). The lines are drawn
 * in a stretched coordinate system so they fill any width; `vector-effect` keeps their strokes and dots round.
 */
import { useState } from 'react';
import { ChartFrame } from './ChartFrame';
import { colorVar, pct } from './ticks';
import type { ChartDatum, ChartSeries } from './types';

export interface LineChartProps {
  /** The accessible name. */
  title: string;
  data: ChartDatum[];
  series: ChartSeries[];
  formatValue: (n: number) => string;
  height?: number;
}

const across = 1000;
/** Past this many points, dots would merge into the line. */
const maxDots = 60;

export function LineChart({ title, data, series, formatValue, height = 240 }: LineChartProps) {
  const [active, setActive] = useState<number | null>(null);
  const value = (d: ChartDatum, key: string) => Math.max(0, d.values[key] ?? 0);
  const max = Math.max(0, ...data.flatMap((d) => series.map((s) => value(d, s.key))));
  const xOf = (i: number) => Math.round(((i + 0.5) / data.length) * across * 100) / 100;

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
      role="img"
    >
      {({ height: bottom, y }) => (
        <>
          <svg
            x={0}
            y={0}
            width="100%"
            height={bottom}
            viewBox={`0 0 ${across} ${bottom}`}
            preserveAspectRatio="none"
            overflow="visible"
            aria-hidden="true"
          >
            {series.map((s) => {
              const points = data.map((d, i) => `${xOf(i)},${y(value(d, s.key))}`).join(' ');
              return (
                <g key={s.key} style={{ stroke: colorVar(s.color) }}>
                  <polyline
                    points={points}
                    vectorEffect="non-scaling-stroke"
                    style={{ fill: 'none', strokeWidth: 2, strokeLinejoin: 'round' }}
                  />
                  {data.length <= maxDots &&
                    data.map((d, i) => (
                      // A zero-length line with round caps: a dot that stays round when the drawing is stretched.
                      <line
                        // biome-ignore lint/suspicious/noArrayIndexKey: a point's place is its identity (labels may repeat)
                        key={i}
                        x1={xOf(i)}
                        x2={xOf(i)}
                        y1={y(value(d, s.key))}
                        y2={y(value(d, s.key))}
                        vectorEffect="non-scaling-stroke"
                        style={{ strokeWidth: active === i ? 9 : 6, strokeLinecap: 'round' }}
                      />
                    ))}
                </g>
              );
            })}
          </svg>
          {data.map((_, i) => (
            // biome-ignore lint/a11y/noStaticElementInteractions: the pointer only shows the readout, whose figures are also in the summary
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: a column's place is its identity (labels may repeat)
              key={i}
              x={pct(i / data.length)}
              width={pct(1 / data.length)}
              y={0}
              height={bottom}
              style={{ fill: 'transparent' }}
              onMouseEnter={() => setActive(i)}
            />
          ))}
        </>
      )}
    </ChartFrame>
  );
}
