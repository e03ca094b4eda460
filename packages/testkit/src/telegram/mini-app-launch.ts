/**
 * What a Telegram client hands a Mini App besides the signed init data: the launch parameters in
 * the URL's fragment (`tgWebAppData`, version, platform, theme). The playground opens the demo
 * store with them and the browser tests open the Mini App with them, so both play the same client.
 */

export type ThemeParams = Record<string, string>;

/** The theme colours a light and a dark Telegram client send (`themeParams`). */
export const telegramThemes: { light: ThemeParams; dark: ThemeParams } = {
  light: {
    bg_color: "#ffffff",
    text_color: "#000000",
    hint_color: "#8e8e93",
    link_color: "#2481cc",
    button_color: "#2481cc",
    button_text_color: "#ffffff",
    secondary_bg_color: "#efeff4",
    header_bg_color: "#f8f8f8",
    bottom_bar_bg_color: "#f8f8f8",
    accent_text_color: "#2481cc",
    section_bg_color: "#ffffff",
    section_header_text_color: "#6d6d72",
    subtitle_text_color: "#8e8e93",
    destructive_text_color: "#ff3b30",
    section_separator_color: "#c8c7cc",
  },
  dark: {
    bg_color: "#212121",
    text_color: "#ffffff",
    hint_color: "#aaaaaa",
    link_color: "#8774e1",
    button_color: "#8774e1",
    button_text_color: "#ffffff",
    secondary_bg_color: "#0f0f0f",
    header_bg_color: "#212121",
    bottom_bar_bg_color: "#212121",
    accent_text_color: "#8774e1",
    section_bg_color: "#212121",
    section_header_text_color: "#aaaaaa",
    subtitle_text_color: "#aaaaaa",
    destructive_text_color: "#ff595a",
    section_separator_color: "#3d3d3d",
  },
};

/** The Mini App's address as a client opens it: `base` with the launch parameters in its fragment. */
export function miniAppLaunchUrl(
  base: string,
  initData: string,
  options: { theme?: ThemeParams; platform?: string } = {},
): string {
  const hash = new URLSearchParams({
    tgWebAppData: initData,
    tgWebAppVersion: "8.0",
    tgWebAppPlatform: options.platform ?? "tdesktop",
    tgWebAppThemeParams: JSON.stringify(options.theme ?? telegramThemes.light),
  });
  return `${base}#${hash.toString()}`;
}
