import { describe, expect, it } from "vitest";
import { shortenName } from "../src/bots/bot-display-name.ts";

/** The installed store's label under its icon: the bot's name, cut to twelve characters where it must be. */
describe("a bot's short name", () => {
  it("keeps a name that fits, drops whole words where it can, and cuts one long word", () => {
    expect(shortenName("Lumen Shop")).toBe("Lumen Shop");
    expect(shortenName("Twelve chars")).toBe("Twelve chars");
    expect(shortenName("Lumen Academy Store")).toBe("Lumen…");
    expect(shortenName("Магазин курсов Лены")).toBe("Магазин…");
    expect(shortenName("Supercalifragilistic")).toBe("Supercalifr…");
    expect(shortenName("Ab Supercalifragilistic")).toBe("Ab Supercal…");
  });
});
