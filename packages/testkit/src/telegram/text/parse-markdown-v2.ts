import type { MessageEntity } from "@grammyjs/types";
import {
  byteOffsetAt,
  EntityParseError,
  type FormattedText,
  linkEntity,
  makeEntity,
  sortEntities,
} from "./entity-tools.ts";

const RESERVED = new Set("_*[]()~`>#+-=|{}.!");
const ENTITY_NAMES: Record<string, string> = {
  bold: "Bold",
  italic: "Italic",
  underline: "Underline",
  strikethrough: "Strikethrough",
  spoiler: "Spoiler",
  text_link: "TextUrl",
  custom_emoji: "CustomEmoji",
};

type Open = { type: string; offset: number; byte: number };

/**
 * MarkdownV2 as Telegram's server parses it (td's parse_markdown_v2): only the
 * innermost open entity can be closed, unescaped reserved characters are
 * errors, and error messages carry UTF-8 byte offsets.
 */
export function parseMarkdownV2(input: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const stack: Open[] = [];
  let quote: { type: string; offset: number } | null = null;
  let i = 0;

  const reserved = (c: string): never => {
    throw new EntityParseError(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
  };
  const open = (type: string, width: number) => {
    stack.push({ type, offset: text.length, byte: byteOffsetAt(input, i) });
    i += width;
  };
  const close = (width: number) => {
    const top = stack.pop()!;
    if (text.length > top.offset) entities.push(makeEntity(top.type, top.offset, text.length - top.offset));
    i += width;
  };
  const closeQuote = () => {
    if (!quote) return;
    const length = text.length - quote.offset - (text.endsWith("\n") ? 1 : 0);
    if (length > 0) entities.push(makeEntity(quote.type, quote.offset, length));
    quote = null;
  };
  const closeLink = () => {
    const top = stack.pop()!;
    i++;
    let url = text.slice(top.offset);
    if (input[i] === "(") {
      const end = findUnescaped(input, ")", i + 1);
      if (end < 0)
        throw new EntityParseError(`Can't find end of a URL at byte offset ${byteOffsetAt(input, i)}`);
      url = removeEscapes(input.slice(i + 1, end));
      i = end + 1;
    }
    const entity = linkEntity(text.slice(top.offset), top.offset, text.length - top.offset, url);
    if (entity) entities.push(entity);
  };

  while (i < input.length) {
    const c = input[i]!;
    const next = input[i + 1];
    if (i === 0 || input[i - 1] === "\n") {
      if (input.startsWith("**>", i)) {
        closeQuote();
        quote = { type: "expandable_blockquote", offset: text.length };
        i += 3;
        continue;
      }
      if (c === ">") {
        quote ??= { type: "blockquote", offset: text.length };
        i++;
        continue;
      }
      closeQuote();
    }
    if (c === "\\") {
      const code = input.charCodeAt(i + 1);
      text += code >= 1 && code <= 126 ? next : c;
      i += code >= 1 && code <= 126 ? 2 : 1;
      continue;
    }
    if (quote?.type === "expandable_blockquote" && c === "|" && next === "|") {
      if (i + 2 === input.length || input[i + 2] === "\n") {
        i += 2;
        closeQuote();
        continue;
      }
    }
    if (c === "`") {
      i = parseCode(input, i, (type, body, extra) => {
        entities.push(makeEntity(type, text.length, body.length, extra));
        text += body;
      });
      continue;
    }
    const top = stack.at(-1)?.type;
    if (top && isEndOf(top, c, next)) {
      if (top === "text_link" || top === "custom_emoji") closeLink();
      else close(top === "underline" || top === "spoiler" ? 2 : 1);
      continue;
    }
    if (c === "*") open("bold", 1);
    else if (c === "_") open(next === "_" ? "underline" : "italic", next === "_" ? 2 : 1);
    else if (c === "~") open("strikethrough", 1);
    else if (c === "|" && next === "|") open("spoiler", 2);
    else if (c === "[") open("text_link", 1);
    else if (c === "!" && next === "[") open("custom_emoji", 2);
    else if (RESERVED.has(c)) reserved(c);
    else {
      text += c;
      i++;
    }
  }
  closeQuote();
  const unclosed = stack.at(-1);
  if (unclosed) {
    throw new EntityParseError(
      `Can't find end of ${ENTITY_NAMES[unclosed.type]} entity at byte offset ${unclosed.byte}`,
    );
  }
  return { text, entities: sortEntities(entities) };
}

function isEndOf(type: string, c: string, next: string | undefined): boolean {
  switch (type) {
    case "bold":
      return c === "*";
    case "italic":
      return c === "_" && next !== "_";
    case "underline":
      return c === "_" && next === "_";
    case "strikethrough":
      return c === "~";
    case "spoiler":
      return c === "|" && next === "|";
    default:
      return c === "]";
  }
}

/** Parses `code` or ```pre``` starting at `start`; returns the index after it. */
function parseCode(
  input: string,
  start: number,
  emit: (type: string, body: string, extra?: Record<string, string>) => void,
): number {
  const fence = input.startsWith("```", start) ? "```" : "`";
  const end = findUnescaped(input, fence, start + fence.length);
  if (end < 0) {
    const hasLanguage = fence === "```" && /^[^\s`]+\s/.test(input.slice(start + 3));
    const name = fence === "`" ? "Code" : hasLanguage ? "PreCode" : "Pre";
    throw new EntityParseError(
      `Can't find end of ${name} entity at byte offset ${byteOffsetAt(input, start)}`,
    );
  }
  const raw = removeEscapes(input.slice(start + fence.length, end));
  if (fence === "`") {
    if (raw.length > 0) emit("code", raw);
    return end + 1;
  }
  const language = /^([^\s`]+)\n/.exec(raw);
  const body = language ? raw.slice(language[0].length) : raw.replace(/^\n/, "");
  if (body.length > 0) emit("pre", body, language ? { language: language[1]! } : {});
  return end + 3;
}

function findUnescaped(input: string, token: string, from: number): number {
  for (let j = from; j < input.length; j++) {
    if (input[j] === "\\") j++;
    else if (input.startsWith(token, j)) return j;
  }
  return -1;
}

/** A backslash escapes any ASCII character from 1 to 126. */
function removeEscapes(raw: string): string {
  let out = "";
  for (let j = 0; j < raw.length; j++) {
    const code = raw.charCodeAt(j + 1);
    if (raw[j] === "\\" && code >= 1 && code <= 126) j++;
    out += raw[j];
  }
  return out;
}
