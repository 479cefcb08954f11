import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalogPart, setLanguage } from '../../app/i18n';
import { BarChart, type ChartDatum, type ChartSeries, LineChart } from './index';

beforeAll(async () => {
  await setLanguage('en');
  await loadCatalogPart('money');
});

const series: ChartSeries[] = [
  { key: 'up', label: 'Upload', color: 'brand.6' },
  { key: 'down', label: 'Download', color: 'orange.6' },
];
const data: ChartDatum[] = [
  { label: 'Jan', values: { up: 3, down: 5 } },
  { label: 'Feb', values: { up: 4, down: 0 } },
  { label: 'Mar', values: { up: 1, down: 2 } },
];
const formatValue = (n: number) => `${n} u`;
const wrap = (ui: React.ReactNode) => render(<MantineProvider env="test">{ui}</MantineProvider>);

/** The y-axis labels, read from the axis drawing. */
const tickLabels = (container: HTMLElement) =>
  [...(container.querySelector('svg[aria-hidden="true"]')?.querySelectorAll('text') ?? [])].map((t) => t.textContent);

describe('BarChart', () => {
  it('is a named picture with a summary, formatted round ticks and a legend', () => {
    const { container } = wrap(<BarChart title="Data usage" data={data} series={series} formatValue={formatValue} />);
    const chart = screen.getByRole('img', { name: 'Data usage' });
    expect(chart).toHaveAccessibleDescription('3 points from Jan to Mar. Highest: Jan, 8 u.');
    expect(tickLabels(container)).toEqual(['0 u', '1 u', '2 u', '3 u', '4 u', '5 u']);
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect([...legend.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Upload', 'Download']);
    expect([...chart.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['Jan', 'Feb', 'Mar']);
  });

  it('draws a bar per non-zero value, grouped side by side, scaled to the top tick', () => {
    const { container } = wrap(
      <BarChart title="Data usage" data={data} series={series} formatValue={formatValue} height={230} />,
    );
    const bars = [...container.querySelectorAll('g > rect')].filter((r) => r.getAttribute('style')?.includes('color'));
    expect(bars).toHaveLength(5);
    // Plot: 230 - 22 (labels) - 8 (top) = 200 px for 0..5; Jan's download (5) fills it.
    const janDown = bars[1];
    expect(janDown?.getAttribute('height')).toBe('200');
    expect(janDown?.getAttribute('style')).toContain('var(--mantine-color-orange-6)');
    expect(bars[0]?.getAttribute('width')).toBe(bars[1]?.getAttribute('width'));
    expect(bars[0]?.getAttribute('x')).not.toBe(bars[1]?.getAttribute('x'));
  });

  it('stacks the series when asked, the axis reaching the highest total', () => {
    const { container } = wrap(
      <BarChart title="Data usage" data={data} series={series} formatValue={formatValue} stacked height={230} />,
    );
    expect(tickLabels(container)).toEqual(['0 u', '2 u', '4 u', '6 u', '8 u']);
    const [janUp, janDown] = [...container.querySelectorAll('g > rect')].filter((r) =>
      r.getAttribute('style')?.includes('color'),
    );
    expect(janUp?.getAttribute('x')).toBe(janDown?.getAttribute('x'));
    // 3 of 8 and 5 of 8 of 200 px, the download on top of the upload.
    expect(janUp?.getAttribute('height')).toBe('75');
    expect(janDown?.getAttribute('height')).toBe('125');
    expect(Number(janDown?.getAttribute('y')) + 125).toBe(Number(janUp?.getAttribute('y')));
  });

  it('makes each column a button when it can be selected, by click or keyboard', async () => {
    const onSelect = vi.fn();
    wrap(<BarChart title="Bills" data={data} series={series} formatValue={formatValue} onSelect={onSelect} />);
    expect(screen.getByRole('group', { name: 'Bills' })).toBeInTheDocument();
    const feb = screen.getByRole('button', { name: 'Feb: Upload 4 u, Download 0 u' });
    fireEvent.click(feb);
    expect(onSelect).toHaveBeenLastCalledWith(1);
    const user = userEvent.setup();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Jan: Upload 3 u, Download 5 u' })).toHaveFocus();
    expect(screen.getByText('Jan: Upload 3 u · Download 5 u')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(0);
  });

  it('says there is nothing to chart when there is no data', () => {
    wrap(<BarChart title="Data usage" data={[]} series={series} formatValue={formatValue} />);
    expect(screen.getByRole('img', { name: 'Data usage' })).toHaveAccessibleDescription('No data to chart.');
  });
});

describe('LineChart', () => {
  it('draws a line per series through every point, with a summary', () => {
    const { container } = wrap(
      <LineChart title="Trend" data={data} series={series} formatValue={formatValue} height={230} />,
    );
    expect(screen.getByRole('img', { name: 'Trend' })).toHaveAccessibleDescription(
      '3 points from Jan to Mar. Highest: Jan, 8 u.',
    );
    const lines = container.querySelectorAll('polyline');
    expect(lines).toHaveLength(2);
    // x at the middle of each of three columns of 1000; y = 8 + 200 - value / 5 * 200.
    expect(lines[0]?.getAttribute('points')).toBe('166.67,88 500,48 833.33,168');
    expect(lines[1]?.parentElement?.getAttribute('style')).toContain('var(--mantine-color-orange-6)');
  });
});
