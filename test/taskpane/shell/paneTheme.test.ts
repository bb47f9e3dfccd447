import { themeFromBackground, themeFromParam } from '../../../src/taskpane/shell/paneTheme';

describe("the pane's theme", () => {
  it.each([
    ['#FFFFFF', 'light'],
    ['#E6E6E6', 'light'],
    ['#262626', 'dark'],
    ['#000000', 'dark'],
    ['#6B6B6B', 'dark'],
    [undefined, 'light'],
    ['not a colour', 'light'],
  ])("Office's body background %s gives %s", (color, theme) => {
    expect(themeFromBackground(color)).toBe(theme);
  });

  it.each([
    ['dark', 'dark'],
    ['highContrast', 'highContrast'],
    ['purple', 'light'],
    [null, 'light'],
  ])('?theme=%s in the preview gives %s', (value, theme) => {
    expect(themeFromParam(value)).toBe(theme);
  });
});
