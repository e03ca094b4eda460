import { describe, expect, it } from "vitest";
import { formatLogLine } from "../src/log/pretty-lines.ts";
import { renderStartBanner } from "../src/log/start-banner.ts";

describe("readable logs and the start banner (a terminal)", () => {
  it("turns a JSON log line into time, level, message and fields", () => {
    const line = JSON.stringify({
      level: 40,
      time: Date.UTC(2026, 0, 2, 3, 4, 5),
      pid: 1,
      hostname: "h",
      msg: "bot could not start",
      bot: "shop_bot",
      err: { message: "Not Found" },
    });
    expect(formatLogLine(line, false)).toBe(
      '03:04:05 WARN  bot could not start bot=shop_bot err="Not Found"\n',
    );
    expect(formatLogLine("not json", false)).toBe("not json");
  });

  it("says where the panel and the playground are, the setup code, and how to connect a real bot", () => {
    const banner = renderStartBanner({
      version: "1.2.3",
      base: "http://localhost:3000",
      publicBase: "http://localhost:3000",
      playgroundBot: "lumen_demo_bot",
      setupCode: "ABCD-EFGH",
      realBots: 0,
      color: false,
    });
    expect(banner).toContain("Lumen 1.2.3 is running");
    expect(banner).toContain("Admin panel  http://localhost:3000/admin/");
    expect(banner).toContain("open http://localhost:3000/admin/setup and enter ABCD-EFGH");
    expect(banner).toContain("Playground   http://localhost:3000/admin/playground");
    expect(banner).toContain("BOT_TOKEN=<token>");
    const withBot = renderStartBanner({
      version: "1.2.3",
      base: "http://localhost:3000",
      publicBase: "https://shop.example.com",
      playgroundBot: undefined,
      setupCode: undefined,
      realBots: 2,
      color: false,
    });
    expect(withBot).not.toContain("Playground");
    expect(withBot).not.toContain("First run");
    expect(withBot).toContain("Bots         2 running");
  });
});
