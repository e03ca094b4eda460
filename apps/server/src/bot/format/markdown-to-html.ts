const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function formatInline(text: string): string {
  const codes: string[] = [];
  // Inline code first, so nothing inside it is treated as formatting.
  let out = text.replace(/`([^`\n]+)`/g, (_m, code: string) => {
    codes.push(`<code>${escapeHtml(code)}</code>`);
    return `\uE000${codes.length - 1}\uE000`;
  });
  out = escapeHtml(out)
    .replace(/\*\*([^*\n]+)\*\*/g, "<b>$1</b>")
    .replace(/__([^_\n]+)__/g, "<u>$1</u>")
    .replace(/(^|[^*\w])\*([^*\n]+)\*(?!\w)/g, "$1<i>$2</i>")
    .replace(/(^|[^_\w])_([^_\n]+)_(?!\w)/g, "$1<i>$2</i>")
    .replace(/~~([^~\n]+)~~/g, "<s>$1</s>")
    .replace(
      /\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g,
      (_m, label: string, href: string) => `<a href="${href.replace(/"/g, "&quot;")}">${label}</a>`,
    )
    .replace(/^#{1,6}\s+(.+)$/gm, "<b>$1</b>");
  return out.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => codes[Number(i)] ?? "");
}

/**
 * The Markdown AI models write, as Telegram HTML. HTML is used because Telegram's own
 * Markdown modes reject most model output (unescaped `_`, `*`, `.`); anything this does not
 * recognise stays as escaped text, and a message Telegram still rejects is sent as plain text.
 */
export function markdownToHtml(markdown: string): string {
  const blocks = markdown.split(/^```/m);
  return blocks
    .map((block, i) => {
      if (i % 2 === 0) return formatInline(block);
      const newline = block.indexOf("\n");
      const language = newline > 0 ? block.slice(0, newline).trim() : "";
      const code = (newline >= 0 ? block.slice(newline + 1) : block).replace(/\n$/, "");
      const attr = /^[\w+-]+$/.test(language) ? ` class="language-${language}"` : "";
      return `<pre><code${attr}>${escapeHtml(code)}</code></pre>`;
    })
    .join("");
}
