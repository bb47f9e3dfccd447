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

/** The theme now, and news when it changes: the user may switch Office's theme while the pane is open. */
export interface ThemeSource {
  current(): PaneTheme;
  subscribe(listener: () => void): () => void;
}

export const fixedTheme = (theme: PaneTheme): ThemeSource => ({
  current: () => theme,
  subscribe: () => () => {},
});

const THEME_POLL_MS = 3_000;

/**
 * Excel raises no event when its theme changes (Office's OfficeThemeChanged is Outlook's only), so the pane reads the
 * theme again when it gets the focus or becomes visible — where a user comes back after File › Account — and every
 * few seconds; a read is one property, no call into Excel.
 */
export function watchedTheme(read: () => PaneTheme, host?: Window): ThemeSource {
  let theme = read();
  const listeners = new Set<() => void>();
  const check = () => {
    const now = read();
    if (now === theme) return;
    theme = now;
    listeners.forEach((listener) => listener());
  };
  let stopWatching = () => {};
  const watch = (target: Window) => {
    target.addEventListener('focus', check);
    target.document.addEventListener('visibilitychange', check);
    const timer = target.setInterval(check, THEME_POLL_MS);
    return () => {
      target.clearInterval(timer);
      target.removeEventListener('focus', check);
      target.document.removeEventListener('visibilitychange', check);
    };
  };
  return {
    current: () => theme,
    subscribe(listener) {
      if (listeners.size === 0) stopWatching = watch(host ?? window);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stopWatching();
      };
    },
  };
}
