/** The data shapes every chart takes: the same for bars and lines, so a page can switch between them. */
export interface ChartSeries {
  key: string;
  label: string;
  /** A Mantine colour token like 'brand.6' or 'orange.6'. */
  color: string;
}

export interface ChartDatum {
  /** The x label, already formatted. */
  label: string;
  values: Record<string, number>;
}
