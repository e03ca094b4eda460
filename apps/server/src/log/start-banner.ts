export type BannerInfo = {
  version: string;
  /** Where this process answers, e.g. http://localhost:3000. */
  base: string;
  /** PUBLIC_URL when set (what operators open), else `base`. */
  publicBase: string;
  /** The demo bot's username when the playground runs. */
  playgroundBot: string | undefined;
  /** The first-run code for /admin/setup; only while no operator exists. */
  setupCode: string | undefined;
  /** Real bots running (the demo bot not counted). */
  realBots: number;
  color: boolean;
};

/**
 * What `npm start` shows a person at a terminal once Lumen listens: where to click, the
 * first-run code, and how to go from the playground to a real bot. JSON log runs get the same
 * facts as separate log lines instead.
 */
export function renderStartBanner(info: BannerInfo): string {
  const bold = (text: string) => (info.color ? `\x1b[1m${text}\x1b[22m` : text);
  const cyan = (text: string) => (info.color ? `\x1b[36m${text}\x1b[39m` : text);
  const rows: Array<[string, string]> = [["Admin panel", cyan(`${info.publicBase}/admin/`)]];
  if (info.setupCode)
    rows.push([
      "First run",
      `open ${cyan(`${info.publicBase}/admin/setup`)} and enter ${bold(info.setupCode)}`,
    ]);
  if (info.playgroundBot) {
    rows.push([
      "Playground",
      `${cyan(`${info.publicBase}/admin/playground`)}  chat with @${info.playgroundBot} on a built-in Telegram emulator (nothing reaches Telegram)`,
    ]);
  }
  if (info.realBots === 0) {
    rows.push([
      "Real bot",
      `create one with @BotFather, then add its token on ${cyan(`${info.publicBase}/admin/bots`)} or restart with BOT_TOKEN=<token>`,
    ]);
  } else {
    rows.push(["Bots", `${info.realBots} running`]);
  }
  rows.push(["API docs", cyan(`${info.base}/api/docs`)]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
  return `\n  ${bold(`Lumen ${info.version} is running`)}\n\n${lines.join("\n")}\n\n`;
}
