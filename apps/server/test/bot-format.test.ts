import { describe, expect, it } from "vitest";
import { markdownToHtml } from "../src/bot/format/markdown-to-html.ts";
import { splitMessage } from "../src/bot/format/split-message.ts";

describe("markdownToHtml", () => {
  it("turns common model Markdown into Telegram HTML and escapes the rest", () => {
    expect(markdownToHtml("**Bold**, *italic*, `a<b`, [site](https://example.com) & 1 < 2")).toBe(
      '<b>Bold</b>, <i>italic</i>, <code>a&lt;b</code>, <a href="https://example.com">site</a> &amp; 1 &lt; 2',
    );
  });

  it("keeps code blocks verbatim with their language", () => {
    expect(markdownToHtml("Run:\n```js\nif (a < b && c) { x = *y*; }\n```\ndone")).toBe(
      'Run:\n<pre><code class="language-js">if (a &lt; b &amp;&amp; c) { x = *y*; }</code></pre>\ndone',
    );
  });

  it("leaves snake_case and lone asterisks alone", () => {
    expect(markdownToHtml("use my_var_name and 2 * 3")).toBe("use my_var_name and 2 * 3");
  });

  it("makes headings bold", () => {
    expect(markdownToHtml("## Steps\n1. go")).toBe("<b>Steps</b>\n1. go");
  });
});

describe("splitMessage", () => {
  it("keeps short answers whole", () => {
    expect(splitMessage("hello")).toEqual(["hello"]);
  });

  it("splits long answers at paragraph boundaries under the limit, losing nothing", () => {
    const paragraph = "word ".repeat(300).trim();
    const text = [paragraph, paragraph, paragraph, paragraph].join("\n\n");
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    expect(parts.join(" ").replace(/\s+/g, " ")).toBe(text.replace(/\s+/g, " "));
  });

  it("cuts a text without spaces at the hard limit", () => {
    const parts = splitMessage("x".repeat(9000));
    expect(parts.map((p) => p.length)).toEqual([4096, 4096, 808]);
  });
});
