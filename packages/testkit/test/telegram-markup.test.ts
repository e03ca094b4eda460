import { describe, expect, it } from "vitest";
import { parseHtml } from "../src/telegram/text/parse-html.ts";
import { parseMarkdown } from "../src/telegram/text/parse-markdown.ts";
import { parseMarkdownV2 } from "../src/telegram/text/parse-markdown-v2.ts";

describe("telegram emulator: markup parsers", () => {
  it.each([
    ["🏟 🏟_abacaba", "Can't find end of Italic entity at byte offset 9"],
    ["🏟 🏟_abac * asd ", "Can't find end of Bold entity at byte offset 15"],
    ["🏟 🏟_abac * asd _", "Can't find end of Italic entity at byte offset 21"],
    ["🏟 🏟`", "Can't find end of Code entity at byte offset 9"],
    ["🏟 🏟```", "Can't find end of Pre entity at byte offset 9"],
    ["🏟 🏟```a ", "Can't find end of PreCode entity at byte offset 9"],
    ["🏟 🏟__🏟 🏟_", "Can't find end of Italic entity at byte offset 20"],
    ["🏟 🏟_🏟 🏟__", "Can't find end of Underline entity at byte offset 19"],
    ["1 + 1 = 2", "Character '+' is reserved and must be escaped with the preceding '\\'"],
    ["[link](https://example.com", "Can't find end of a URL at byte offset 6"],
  ])("rejects MarkdownV2 %j like Telegram", (input, message) => {
    expect(() => parseMarkdownV2(input)).toThrow(message);
  });

  it("parses nested MarkdownV2 entities, code, pre and quotes", () => {
    expect(parseMarkdownV2("*bold _italic_* ~gone~ ||secret|| `a\\`b` \\#1")).toEqual({
      text: "bold italic gone secret a`b #1",
      entities: [
        { type: "bold", offset: 0, length: 11 },
        { type: "italic", offset: 5, length: 6 },
        { type: "strikethrough", offset: 12, length: 4 },
        { type: "spoiler", offset: 17, length: 6 },
        { type: "code", offset: 24, length: 3 },
      ],
    });
    expect(parseMarkdownV2("```ts\nconst a = 1;\n```")).toEqual({
      text: "const a = 1;\n",
      entities: [{ type: "pre", offset: 0, length: 13, language: "ts" }],
    });
    expect(parseMarkdownV2(">quoted\n>lines\nafter")).toEqual({
      text: "quoted\nlines\nafter",
      entities: [{ type: "blockquote", offset: 0, length: 12 }],
    });
  });

  it("parses HTML with entities and reports Telegram's tag errors", () => {
    expect(parseHtml('<a href="https://t.me/x">go</a> &amp; <tg-spoiler>hid</tg-spoiler>')).toEqual({
      text: "go & hid",
      entities: [
        { type: "text_link", offset: 0, length: 2, url: "https://t.me/x" },
        { type: "spoiler", offset: 5, length: 3 },
      ],
    });
    expect(parseHtml('<pre><code class="language-js">x()</code></pre>').entities).toEqual([
      { type: "pre", offset: 0, length: 3, language: "js" },
    ]);
    expect(() => parseHtml("<b>bold")).toThrow('Can\'t find end tag corresponding to start tag "b"');
    expect(() => parseHtml("<b>x</i>")).toThrow(
      'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"',
    );
    expect(() => parseHtml("1 < 2")).toThrow('Unsupported start tag "" at byte offset 2');
  });

  it("parses legacy Markdown without nesting", () => {
    expect(parseMarkdown("*bold* _it_ [site](https://example.com) a\\_b")).toEqual({
      text: "bold it site a_b",
      entities: [
        { type: "bold", offset: 0, length: 4 },
        { type: "italic", offset: 5, length: 2 },
        { type: "text_link", offset: 8, length: 4, url: "https://example.com" },
      ],
    });
    expect(() => parseMarkdown("*unclosed")).toThrow(
      "Can't find end of the entity starting at byte offset 0",
    );
  });
});
