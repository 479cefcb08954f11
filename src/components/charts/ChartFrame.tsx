/**
 * What bar and line charts share: a y axis with round ticks, grid lines, x labels, a line that reads out the
 * hovered or focused point, a legend and a summary for screen readers. Plain SVG sized in percentages across and
 * pixels down, so it fills any width without measuring it (no ResizeObserver) and its text never scales.
 */
import { Box, ColorSwatch, Group, Text, VisuallyHidden } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from '../../app/i18n';
import { colorVar, labelStride, niceTicks, pct } from './ticks';
import type { ChartDatum, ChartSeries } from './types';

/** The plot area's geometry, handed to the chart that draws in it. */
export interface Plot {
  height: number;
  /** The top of the scale (the last tick). */
  top: number;
  /** Pixels from the plot's top for a value. */
  y: (value: number) => number;
}

interface ChartFrameProps {
  title: string;
  data: ChartDatum[];
  series: ChartSeries[];
  /** The largest value the chart draws (a stack's total for stacked bars). */
  max: number;
  formatValue: (n: number) => string;
  height: number;
  active: number | null;
  setActive: (index: number | null) => void;
  /** The SVG role: 'img' for a picture, 'group' when it holds focusable parts. */
  role: 'img' | 'group';
  children: (plot: Plot) => ReactNode;
}

const labelRow = 22;
const topPad = 8;
const axisText = { fill: 'var(--mantine-color-dimmed)', fontSize: 11 };

export function ChartFrame(props: ChartFrameProps) {
  const { t } = useTranslation();
  const summaryId = useId();
  const { data, series, formatValue, height, active } = props;
  const ticks = niceTicks(props.max);
  const top = ticks[ticks.length - 1] ?? 1;
  const plotHeight = height - labelRow - topPad;
  const y = (value: number) => topPad + plotHeight - (Math.max(0, value) / top) * plotHeight;
  const tickLabels = ticks.map(formatValue);
  // Wide enough for the longest tick label at 11px (about 6.5px a character).
  const gutter = Math.ceil(Math.max(...tickLabels.map((l) => l.length)) * 6.5) + 10;
  const stride = labelStride(data.length);
  const readout = active === null ? undefined : data[active];
  const highest = data.reduce<{ label: string; total: number } | undefined>((best, d) => {
    const total = series.reduce((sum, s) => sum + (d.values[s.key] ?? 0), 0);
    return best === undefined || total > best.total ? { label: d.label, total } : best;
  }, undefined);

  return (
    <Box component="figure" m={0}>
      <Text size="sm" c="dimmed" mih={22} aria-hidden>
        {readout
          ? `${readout.label}: ${series.map((s) => `${s.label} ${formatValue(readout.values[s.key] ?? 0)}`).join(' · ')}`
          : ''}
      </Text>
      <Box style={{ display: 'flex' }}>
        <svg width={gutter} height={height} aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
          {ticks.map((tick, i) => (
            <text key={tick} x={gutter - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" style={axisText}>
              {tickLabels[i]}
            </text>
          ))}
        </svg>
        <svg
          width="100%"
          height={height}
          role={props.role}
          aria-label={props.title}
          aria-describedby={summaryId}
          style={{ flex: '1 1 auto', minWidth: 0, overflow: 'visible' }}
          onMouseLeave={() => props.setActive(null)}
        >
          {ticks.map((tick) => (
            <line
              key={tick}
              x1="0"
              x2="100%"
              y1={y(tick)}
              y2={y(tick)}
              style={{ stroke: 'var(--mantine-color-default-border)', strokeWidth: 1 }}
            />
          ))}
          {active !== null && (
            <rect
              x={pct(active / data.length)}
              width={pct(1 / data.length)}
              y={topPad}
              height={plotHeight}
              style={{ fill: 'var(--mantine-color-default-hover)' }}
            />
          )}
          {props.children({ height: plotHeight + topPad, top, y })}
          <g>
            {data.map((d, i) =>
              i % stride === 0 ? (
                <text
                  // biome-ignore lint/suspicious/noArrayIndexKey: a column's place is its identity (labels may repeat)
                  key={i}
                  x={pct((i + 0.5) / data.length)}
                  y={height - 6}
                  textAnchor="middle"
                  style={axisText}
                >
                  {d.label}
                </text>
              ) : null,
            )}
          </g>
        </svg>
      </Box>
      <Group component="ul" gap="md" mt={4} p={0} style={{ listStyle: 'none' }} aria-label={t('charts.legend')}>
        {series.map((s) => (
          <Group component="li" key={s.key} gap={6} wrap="nowrap">
            <ColorSwatch color={colorVar(s.color)} size={12} radius="xs" withShadow={false} aria-hidden />
            <Text size="sm">{s.label}</Text>
          </Group>
        ))}
      </Group>
      <VisuallyHidden id={summaryId}>
        {data.length === 0 || highest === undefined
          ? t('charts.empty')
          : t('charts.summary', {
              count: data.length,
              first: data[0]?.label,
              last: data[data.length - 1]?.label,
              label: highest.label,
              value: formatValue(highest.total),
            })}
      </VisuallyHidden>
    </Box>
  );
}
