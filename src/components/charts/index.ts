export type { BarChartProps } from './BarChart';
export { BarChart } from './BarChart';
export type { LineChartProps } from './LineChart';
export { LineChart } from './LineChart';
export type { ChartDatum, ChartSeries } from './types';
