import type { MessageEntity } from "@grammyjs/types";

/** A parsed text: offsets and lengths are UTF-16 code units, as in the Bot API. */
export type FormattedText = { text: string; entities: MessageEntity[] };

/** Why markup was rejected; becomes "Bad Request: can't parse entities: <message>". */
export class EntityParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EntityParseError";
  }
}

/** Telegram reports markup errors at UTF-8 byte offsets of the original text. */
export function byteOffsetAt(input: string, index: number): number {
  return Buffer.byteLength(input.slice(0, index), "utf8");
}

export function makeEntity(
  type: string,
  offset: number,
  length: number,
  extra: Record<string, string> = {},
): MessageEntity {
  return { type, offset, length, ...extra } as MessageEntity;
}

export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return [...entities].sort((a, b) => a.offset - b.offset || b.length - a.length);
}

/**
 * Telegram strips leading and trailing whitespace from message texts and
 * shifts the entities accordingly; entities left empty disappear.
 */
export function trimFormatted({ text, entities }: FormattedText): FormattedText {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const kept: MessageEntity[] = [];
  for (const entity of entities) {
    const start = Math.max(0, entity.offset - lead);
    const end = Math.min(trimmed.length, entity.offset + entity.length - lead);
    if (end > start) kept.push({ ...entity, offset: start, length: end - start });
  }
  return { text: trimmed, entities: kept };
}

export function overlaps(a: { offset: number; length: number }, b: { offset: number; length: number }) {
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

/** URLs Telegram accepts for text links; anything else silently loses its link. */
export function isAcceptableUrl(url: string): boolean {
  return /^(https?|tg|ton):\/\/\S+$/i.test(url) || /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(url);
}

export function linkEntity(text: string, offset: number, length: number, url: string): MessageEntity | null {
  if (length <= 0) return null;
  const userMatch = /^tg:\/\/user\?id=(\d+)$/.exec(url);
  if (userMatch) {
    const id = Number(userMatch[1]);
    return { type: "text_mention", offset, length, user: { id, is_bot: false, first_name: text } };
  }
  const emojiMatch = /^tg:\/\/emoji\?id=(\d+)$/.exec(url);
  if (emojiMatch) return makeEntity("custom_emoji", offset, length, { custom_emoji_id: emojiMatch[1]! });
  return isAcceptableUrl(url) ? makeEntity("text_link", offset, length, { url }) : null;
}
