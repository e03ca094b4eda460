import type { MessageEntity } from "@grammyjs/types";
import {
  byteOffsetAt,
  EntityParseError,
  type FormattedText,
  linkEntity,
  makeEntity,
  sortEntities,
} from "./entity-tools.ts";

const TAG_TYPES: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  code: "code",
  pre: "pre",
  a: "text_link",
  blockquote: "blockquote",
  "tg-emoji": "custom_emoji",
};
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

type OpenTag = { tag: string; offset: number; attributes: Record<string, string> };

/** HTML parse mode with Telegram's tag set and its error wording (td's parse_html). */
export function parseHtml(input: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  let i = 0;
  const fail = (message: string): never => {
    throw new EntityParseError(message);
  };

  while (i < input.length) {
    const c = input[i]!;
    if (c === "&") {
      const decoded = decodeEntityAt(input, i);
      text += decoded.text;
      i += decoded.width;
      continue;
    }
    if (c !== "<") {
      text += c;
      i++;
      continue;
    }
    const begin = i;
    const close = input.indexOf(">", i);
    if (input[i + 1] === "/") {
      if (close < 0) fail(`Unclosed end tag at byte offset ${byteOffsetAt(input, begin)}`);
      const name = input
        .slice(i + 2, close)
        .trim()
        .toLowerCase();
      const top = stack.pop();
      if (!top) fail(`Unexpected end tag at byte offset ${byteOffsetAt(input, begin)}`);
      if (top!.tag !== name) {
        fail(
          `Unmatched end tag at byte offset ${byteOffsetAt(input, begin)}, expected "</${top!.tag}>", found "</${name}>"`,
        );
      }
      closeTag(top!, text, entities, stack);
      i = close + 1;
      continue;
    }
    const nameMatch = /^[^\s>]*/.exec(input.slice(i + 1))!;
    const name = nameMatch[0].toLowerCase();
    if (!(name in TAG_TYPES))
      fail(`Unsupported start tag "${name}" at byte offset ${byteOffsetAt(input, begin)}`);
    if (close < 0) fail(`Unclosed start tag at byte offset ${byteOffsetAt(input, begin)}`);
    const attributes = parseAttributes(input.slice(i + 1 + nameMatch[0].length, close));
    if (name === "span" && attributes.class !== "tg-spoiler") fail('Tag "span" must have class "tg-spoiler"');
    stack.push({ tag: name, offset: text.length, attributes });
    i = close + 1;
  }
  const unclosed = stack.at(-1);
  if (unclosed) fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return { text, entities: sortEntities(entities) };
}

function closeTag(open: OpenTag, text: string, entities: MessageEntity[], stack: OpenTag[]): void {
  const length = text.length - open.offset;
  if (length <= 0) return;
  const type = TAG_TYPES[open.tag]!;
  const inner = text.slice(open.offset);
  if (type === "text_link") {
    const entity = linkEntity(inner, open.offset, length, open.attributes.href ?? "");
    if (entity) entities.push(entity);
  } else if (type === "custom_emoji") {
    const id = open.attributes["emoji-id"];
    if (id) entities.push(makeEntity("custom_emoji", open.offset, length, { custom_emoji_id: id }));
  } else if (type === "code" && stack.at(-1)?.tag === "pre") {
    const language = /^language-(.+)$/.exec(open.attributes.class ?? "")?.[1];
    if (language) stack.at(-1)!.attributes.language = language;
  } else if (type === "pre") {
    const language = open.attributes.language;
    entities.push(makeEntity("pre", open.offset, length, language ? { language } : {}));
  } else if (type === "blockquote" && "expandable" in open.attributes) {
    entities.push(makeEntity("expandable_blockquote", open.offset, length));
  } else {
    entities.push(makeEntity(type, open.offset, length));
  }
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g;
  for (const match of source.matchAll(pattern)) {
    const value = match[2] ?? match[3] ?? match[4] ?? "";
    attributes[match[1]!.toLowerCase()] = decodeText(value);
  }
  return attributes;
}

function decodeText(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; ) {
    const decoded = value[i] === "&" ? decodeEntityAt(value, i) : { text: value[i]!, width: 1 };
    out += decoded.text;
    i += decoded.width;
  }
  return out;
}

/** Unknown entities stay literal, as in Telegram. */
function decodeEntityAt(input: string, index: number): { text: string; width: number } {
  const match = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i.exec(input.slice(index, index + 12));
  if (!match) return { text: "&", width: 1 };
  const body = match[1]!;
  if (body.startsWith("#")) {
    const code =
      body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    if (code > 0 && code <= 0x10ffff) return { text: String.fromCodePoint(code), width: match[0].length };
    return { text: "&", width: 1 };
  }
  const named = NAMED_ENTITIES[body.toLowerCase()];
  return named ? { text: named, width: match[0].length } : { text: "&", width: 1 };
}
