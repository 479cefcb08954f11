/** Axis arithmetic shared by the charts: round ("nice") tick values and how many x labels fit. */

/**
 * Ticks from 0 to at least `max`, about `target` of them, spaced 1, 2 or 5 times a power of ten, so the labels read
 * as round figures whatever the unit (1.5 MB steps never appear; 2 MB steps do). A max of 0 (or less, or not a
 * number) gives one interval of 1, so an empty chart still has an axis.
 */
export function niceTicks(max: number, target = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
  const count = Math.ceil(max / step - 1e-9);
  // Multiplying (not adding) keeps 0.1 + 0.2-style drift out of the labels.
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** Every how many x labels to print so that at most `fit` are shown (1 = all). */
export function labelStride(count: number, fit = 7): number {
  return count <= fit ? 1 : Math.ceil(count / fit);
}

/** A percentage for SVG coordinates that do not depend on the drawn width. */
export const pct = (fraction: number): string => `${(fraction * 100).toFixed(4)}%`;

/** A Mantine colour token ('brand.6', 'orange.6', or a plain 'red') as the CSS variable that follows the theme. */
export function colorVar(token: string): string {
  const [name, shade] = token.split('.');
  return shade === undefined ? `var(--mantine-color-${name}-filled)` : `var(--mantine-color-${name}-${shade})`;
}
