import {
  backButton,
  hapticFeedback,
  init,
  initData,
  isTMA,
  mainButton,
  miniApp,
  retrieveRawInitData,
  setTargetOrigin,
  themeParams,
  viewport,
} from "@tma.js/sdk-react";

export type Launch = {
  /** The signed launch data, sent unchanged with every API call (`Authorization: tma <raw>`). */
  rawInitData: string;
  /** The Telegram user's id: whose choices (the language) this device remembers. */
  userId: number | undefined;
  languageCode: string | undefined;
  /** The `startapp` parameter of the link that opened the store (a deep link, a broadcast), for analytics. */
  startParam: string | undefined;
};

/**
 * Connects to the Telegram client in the official template's order: `init()` first, then mount
 * only what the store uses, then bind the theme and viewport to CSS variables. Returns null
 * outside Telegram (no launch data): the caller shows the "open from Telegram" screen.
 */
let connected = false;

/** True in Telegram's client (launch data present); false in a plain browser or the installed app. */
export function insideTelegram(): boolean {
  return connected;
}

export function connectTelegram(): Launch | null {
  if (!isTMA()) return null;
  // Framed by a page of this same server: the admin panel's playground, which answers the SDK's
  // events as Telegram's web client does, by postMessage (that client is web.telegram.org).
  if (framedByOwnServer()) setTargetOrigin(window.location.origin);
  let rawInitData: string | undefined;
  try {
    init();
    rawInitData = retrieveRawInitData();
  } catch {
    return null;
  }
  if (!rawInitData) return null;

  initData.restore();
  backButton.mount.ifAvailable();
  if (miniApp.mount.isAvailable()) {
    themeParams.mount();
    miniApp.mount();
    themeParams.bindCssVars();
    miniApp.bindCssVars.ifAvailable();
  }
  // The main button takes its colours from the theme, so it mounts after themeParams.
  mainButton.mount.ifAvailable();
  if (viewport.mount.isAvailable()) {
    viewport
      .mount()
      .then(() => {
        viewport.bindCssVars.ifAvailable();
        viewport.expand.ifAvailable();
      })
      .catch(() => {
        // An old client without viewport events: the page still works at its default height.
      });
  }
  followDarkMode();
  connected = true;
  return {
    rawInitData,
    userId: initData.user()?.id,
    languageCode: initData.user()?.language_code,
    startParam: initData.startParam() || undefined,
  };
}

function framedByOwnServer(): boolean {
  try {
    return window.parent !== window && window.parent.location.origin === window.location.origin;
  } catch {
    // A cross-origin parent (Telegram's web client) cannot be read.
    return false;
  }
}

/** Dark Telegram themes switch the shared `.dark` tokens too (borders, focus rings, color-scheme). */
function followDarkMode(): void {
  const apply = () => document.documentElement.classList.toggle("dark", themeParams.isDark());
  apply();
  themeParams.isDark.sub(apply);
}

/** Hides Telegram's loading placeholder once the first screen has something to show. */
export function markReady(): void {
  miniApp.ready.ifAvailable();
}

export function vibrateSuccess(): void {
  hapticFeedback.notificationOccurred.ifAvailable("success");
}

/** Outside Telegram there is no theme to follow: the system's light or dark setting decides. */
export function followSystemDarkMode(): void {
  const query = matchMedia("(prefers-color-scheme: dark)");
  const apply = () => document.documentElement.classList.toggle("dark", query.matches);
  apply();
  query.addEventListener("change", apply);
}
