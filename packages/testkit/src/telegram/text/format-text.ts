import type { MessageEntity } from "@grammyjs/types";
import { badRequest } from "../api-error.ts";
import { type Params, readJson, readString } from "../params.ts";
import { detectEntities } from "./detect-entities.ts";
import { EntityParseError, type FormattedText, sortEntities, trimFormatted } from "./entity-tools.ts";
import { parseHtml } from "./parse-html.ts";
import { parseMarkdown } from "./parse-markdown.ts";
import { parseMarkdownV2 } from "./parse-markdown-v2.ts";

export type TextFieldNames = { text: string; parseMode: string; entities: string };

export const MESSAGE_TEXT: TextFieldNames = { text: "text", parseMode: "parse_mode", entities: "entities" };
export const CAPTION: TextFieldNames = {
  text: "caption",
  parseMode: "parse_mode",
  entities: "caption_entities",
};

/**
 * Turns text + parse_mode (or explicit entities) into what Telegram stores:
 * markup parsed, surrounding whitespace trimmed, commands/links/mentions
 * detected. Explicit entities win over parse_mode, as in the Bot API.
 */
export function formatText(params: Params, fields: TextFieldNames): FormattedText {
  const raw = readString(params, fields.text) ?? "";
  const explicit = readJson(params, fields.entities, "entities");
  let parsed: FormattedText;
  if (explicit !== undefined) {
    parsed = { text: raw, entities: validateEntities(explicit, raw.length) };
  } else {
    parsed = parseWithMode(raw, readString(params, fields.parseMode));
  }
  const trimmed = trimFormatted(parsed);
  const detected = detectEntities(trimmed.text, trimmed.entities);
  return { text: trimmed.text, entities: sortEntities([...trimmed.entities, ...detected]) };
}

/** Plain text as a user types it: only auto-detected entities. */
export function formatUserText(text: string): FormattedText {
  return { text, entities: detectEntities(text) };
}

function parseWithMode(raw: string, parseMode: string | undefined): FormattedText {
  if (!parseMode) return { text: raw, entities: [] };
  const parser = { markdownv2: parseMarkdownV2, markdown: parseMarkdown, html: parseHtml }[
    parseMode.toLowerCase()
  ];
  if (!parser) throw badRequest("unsupported parse_mode");
  try {
    return parser(raw);
  } catch (error) {
    if (error instanceof EntityParseError) throw badRequest(`can't parse entities: ${error.message}`);
    throw error;
  }
}

function validateEntities(value: unknown, textLength: number): MessageEntity[] {
  if (!Array.isArray(value)) throw badRequest("can't parse entities JSON object");
  const entities: MessageEntity[] = [];
  for (const item of value) {
    if (!item || typeof item !== "object") throw badRequest("can't parse MessageEntity");
    const entity = item as MessageEntity;
    if (
      typeof entity.type !== "string" ||
      !Number.isInteger(entity.offset) ||
      !Number.isInteger(entity.length)
    ) {
      throw badRequest("can't parse MessageEntity");
    }
    if (entity.offset < 0 || entity.length <= 0 || entity.offset + entity.length > textLength) continue;
    entities.push({ ...entity });
  }
  return entities;
}
