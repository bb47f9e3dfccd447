import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** The pane follows Office's theme: light, dark, or the system's high contrast. */
export type PaneTheme = 'light' | 'dark' | 'highContrast';

const FLUENT_THEME: Record<PaneTheme, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

export const fluentTheme = (theme: PaneTheme): Theme => FLUENT_THEME[theme];

/** `?theme=dark` or `?theme=highContrast` in the browser preview; anything else is light. */
export const themeFromParam = (value: string | null): PaneTheme =>
  value === 'dark' || value === 'highContrast' ? value : 'light';

/**
 * Office gives its theme as colours (`officeTheme.bodyBackgroundColor`, "#262626" in dark Office): a dark background
 * means the dark theme. Without a colour the pane stays light.
 */
export function themeFromBackground(color: string | undefined): PaneTheme {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color ?? '')?.[1];
  if (!hex) return 'light';
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5 ? 'dark' : 'light';
}
