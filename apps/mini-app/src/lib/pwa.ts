/**
 * Makes the store installable outside Telegram. The manifest and the service worker are served
 * per bot at `/app/<botId>/manifest.webmanifest` and `/app/<botId>/sw.js` (the same files for
 * every bot, built by apps/mini-app/pwa-build.ts): their relative URLs resolve to the bot's own
 * store, so each bot installs as an app of its own whose scope is `/app/<botId>/`.
 */
export function installPwa(botId: string): void {
  const base = `/app/${botId}/`;
  const link = document.createElement("link");
  link.rel = "manifest";
  link.href = `${base}manifest.webmanifest`;
  document.head.append(link);
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
    // No offline shell (private mode, an old browser): the store still works online.
  });
}
