import type { MessageEntity } from "@grammyjs/types";
import { makeEntity, overlaps } from "./entity-tools.ts";

const WORD = /[\p{L}\p{N}_]/u;

type Pattern = { type: string; regex: RegExp; accept(text: string, start: number, end: number): boolean };

const isWordAt = (text: string, index: number) =>
  index >= 0 && index < text.length && WORD.test(text[index]!);

/** The boundary rules follow td's matchers: e.g. "/start" counts only when not glued to a word. */
const PATTERNS: Pattern[] = [
  {
    type: "bot_command",
    regex: /\/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,32})?/g,
    accept: (text, start, end) =>
      !isWordAt(text, start - 1) &&
      !"/<>".includes(text[start - 1] || " ") &&
      !isWordAt(text, end) &&
      !"/<>@".includes(text[end] || " "),
  },
  {
    type: "url",
    regex: /\b(?:https?:\/\/|www\.|t\.me\/|telegram\.me\/)[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi,
    accept: () => true,
  },
  {
    type: "email",
    regex: /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi,
    accept: (text, start) => !isWordAt(text, start - 1),
  },
  {
    type: "mention",
    regex: /@[a-zA-Z0-9_]{2,32}/g,
    accept: (text, start, end) => !isWordAt(text, start - 1) && !isWordAt(text, end),
  },
  {
    type: "hashtag",
    regex: /#[\p{L}\p{N}_]{1,256}/gu,
    accept: (text, start, end) =>
      !isWordAt(text, start - 1) && text[end] !== "#" && /\p{L}/u.test(text.slice(start + 1, end)),
  },
  {
    type: "cashtag",
    regex: /\$[A-Z]{1,8}/g,
    accept: (text, start, end) =>
      !isWordAt(text, start - 1) && text[start - 1] !== "$" && !isWordAt(text, end),
  },
];

/** Entity kinds the server recognises by itself in any text; kept out of code, pre and links. */
const SHIELDING = new Set(["code", "pre", "text_link", "text_mention", "custom_emoji"]);

export function detectEntities(text: string, existing: MessageEntity[] = []): MessageEntity[] {
  const found: MessageEntity[] = [];
  const taken = existing.filter((entity) => SHIELDING.has(entity.type));
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern.regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!pattern.accept(text, start, end)) continue;
      const entity = makeEntity(pattern.type, start, end - start);
      if ([...taken, ...found].some((other) => overlaps(other, entity))) continue;
      found.push(entity);
    }
  }
  return found;
}
