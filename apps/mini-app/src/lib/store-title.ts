/**
 * Names the page after the bot whose store it is ("Lumen Academy", not "Store"): the browser tab,
 * the installed app's window and a printed receipt's header show it. The name comes from the
 * bot's manifest (served per bot, no sign-in needed), so the sign-in screen has it too.
 */
export function nameStoreAfterBot(botId: string): void {
  fetch(`/app/${botId}/manifest.webmanifest`)
    .then((res) => (res.ok ? res.json() : null))
    .then((manifest: { name?: unknown } | null) => {
      if (typeof manifest?.name === "string" && manifest.name) document.title = manifest.name;
    })
    .catch(() => {
      // Offline or not built: the page keeps its generic title.
    });
}
