export const TELEGRAM_TEXT_LIMIT = 4096;

/**
 * Cuts a long answer into messages Telegram accepts, preferring paragraph, then line,
 * then word boundaries, and never splitting inside a ``` code block's fence line.
 */
export function splitMessage(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut =
      [window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), window.lastIndexOf(" ")].find(
        (i) => i > limit * 0.5,
      ) ?? limit;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
