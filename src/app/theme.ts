import { type CSSVariablesResolver, createTheme, DEFAULT_THEME, type MantineColorsTuple } from '@mantine/core';

/** Mantine's cyan with its two darkest shades moved down a step, so hover and tinted text keep 4.5:1. */
const brand = [...DEFAULT_THEME.colors.cyan.slice(0, 8), '#0b7285', '#0a5f6e'] as unknown as MantineColorsTuple;

/** Colours chosen for WCAG AA contrast (4.5:1): the e2e suite runs axe on every screen, light and dark. */
export const theme = createTheme({
  colors: { brand },
  primaryColor: 'brand',
  // brand.8 on white is 5.6:1 (Mantine's cyan.6 is 2.8:1); hover (9) and tinted text (9 on 1-2) are darker still.
  primaryShade: { light: 8, dark: 5 },
  // Filled buttons pick black or white text by the fill's luminance (dark mode's cyan.5 needs black).
  autoContrast: true,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Hiragino Sans", "Noto Sans JP", sans-serif',
});

/** Secondary ("dimmed") and error text darker (lighter in dark mode) than Mantine's, which are 3.3:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7], '--mantine-color-error': t.colors.red[9] },
  dark: { '--mantine-color-dimmed': t.colors.dark[1], '--mantine-color-error': t.colors.red[4] },
});
