import type { MessageEntity } from "@grammyjs/types";
import {
  byteOffsetAt,
  EntityParseError,
  type FormattedText,
  linkEntity,
  makeEntity,
  sortEntities,
} from "./entity-tools.ts";

const TYPES: Record<string, string> = { "*": "bold", _: "italic", "`": "code" };

/** Legacy "Markdown": no nesting, only _ * ` [ are special, and only they can be escaped. */
export function parseMarkdown(input: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  let i = 0;
  const unclosed = (start: number): never => {
    throw new EntityParseError(
      `Can't find end of the entity starting at byte offset ${byteOffsetAt(input, start)}`,
    );
  };

  while (i < input.length) {
    const c = input[i]!;
    if (c === "\\" && "_*`[".includes(input[i + 1] ?? "")) {
      text += input[i + 1];
      i += 2;
      continue;
    }
    if (!"_*`[".includes(c)) {
      text += c;
      i++;
      continue;
    }
    const start = i;
    if (input.startsWith("```", i)) {
      const end = input.indexOf("```", i + 3);
      if (end < 0) unclosed(start);
      const raw = input.slice(i + 3, end);
      const language = /^([^\s`]+)\n/.exec(raw);
      const body = language ? raw.slice(language[0].length) : raw;
      if (body.length > 0) {
        entities.push(
          makeEntity("pre", text.length, body.length, language ? { language: language[1]! } : {}),
        );
      }
      text += body;
      i = end + 3;
      continue;
    }
    const endChar = c === "[" ? "]" : c;
    const end = input.indexOf(endChar, i + 1);
    if (end < 0) unclosed(start);
    const inner = input.slice(i + 1, end);
    const offset = text.length;
    text += inner;
    i = end + 1;
    if (c !== "[") {
      if (inner.length > 0) entities.push(makeEntity(TYPES[c]!, offset, inner.length));
      continue;
    }
    if (input[i] !== "(") continue;
    const close = input.indexOf(")", i + 1);
    if (close < 0) unclosed(start);
    const entity = linkEntity(inner, offset, inner.length, input.slice(i + 1, close));
    if (entity) entities.push(entity);
    i = close + 1;
  }
  return { text, entities: sortEntities(entities) };
}
