import { FluentBundle, FluentResource } from "@fluent/bundle";
import {
  BaseNode,
  FluentSerializer,
  Junk,
  lineOffset,
  Message,
  MessageReference,
  parse,
  TermReference,
  VariableReference,
} from "@fluent/syntax";
import { type Locale, localeSources } from "./index.ts";

/** One message of the default Fluent files, as the texts editor shows it. */
export type DefaultMessage = {
  /** The file (screen) it lives in, e.g. "menu". */
  file: string;
  key: string;
  /** The message's value as an operator edits it: Fluent pattern syntax, without `key =` or indentation. */
  text: string;
  /** The variables (`$name`) the code passes to it, in order of first use. */
  variables: string[];
};

/** Why an override was refused, with the 1-based line of the operator's text at fault. */
export type OverrideProblem = { line: number; message: string };

type Reference = { kind: "variable" | "message"; name: string; start: number };

/** Every variable and message/term reference in a Fluent AST node, in source order. */
function referencesIn(node: unknown, found: Reference[] = []): Reference[] {
  if (node instanceof VariableReference)
    found.push({ kind: "variable", name: node.id.name, start: node.span?.start ?? 0 });
  else if (node instanceof MessageReference)
    found.push({ kind: "message", name: node.id.name, start: node.span?.start ?? 0 });
  else if (node instanceof TermReference)
    found.push({ kind: "message", name: `-${node.id.name}`, start: node.span?.start ?? 0 });
  if (node instanceof BaseNode)
    for (const [field, value] of Object.entries(node)) {
      if (field === "span") continue;
      for (const child of Array.isArray(value) ? value : [value])
        if (child instanceof BaseNode) referencesIn(child, found);
    }
  return found;
}

const variablesIn = (node: unknown) => [
  ...new Set(referencesIn(node).flatMap((r) => (r.kind === "variable" ? [r.name] : []))),
];

const serializer = new FluentSerializer();

/** `key = value` / `key =\n    line…` back to the text an operator edits (the value, dedented). */
function editableText(message: Message): string {
  const serialized = serializer.serializeEntry(new Message(message.id, message.value, [], null));
  const body = serialized.slice(serialized.indexOf("=") + 1).replace(/\n$/, "");
  if (!body.startsWith("\n")) return body.trimStart();
  return body
    .slice(1)
    .split("\n")
    .map((line) => line.replace(/^ {4}/, ""))
    .join("\n");
}

const cache = new Map<Locale, DefaultMessage[]>();

/** Every message of a locale's default files, grouped by the file order (the screens). */
export function defaultMessages(locale: Locale): DefaultMessage[] {
  const known = cache.get(locale);
  if (known) return known;
  const messages = localeSources(locale).flatMap(({ file, source }) =>
    parse(source, { withSpans: false })
      .body.filter((entry): entry is Message => entry instanceof Message && entry.value !== null)
      .map((message) => {
        return { file, key: message.id.name, text: editableText(message), variables: variablesIn(message) };
      }),
  );
  cache.set(locale, messages);
  return messages;
}

/** Where the `{` still open at `pos` was written. */
function openBraceBefore(source: string, pos: number): number {
  const open: number[] = [];
  for (let i = 0; i < pos; i++) {
    if (source[i] === "{") open.push(i);
    else if (source[i] === "}") open.pop();
  }
  return open.at(-1) ?? pos;
}

/** The Fluent entry an operator's text stands for: continuation lines indented under `key =`. */
export function overrideEntry(key: string, text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\s+$/, "").split("\n");
  return `${key} =\n${lines.map((line) => (line.trim() === "" ? "" : `    ${line}`)).join("\n")}\n`;
}

/**
 * Checks an operator's text for a message: it must parse as a Fluent pattern, use only the
 * variables the code passes to the default text (anything else would render as an error in a
 * user's chat), and not refer to other messages (the override is compiled on its own).
 * Lines are counted in the operator's text, from 1.
 */
export function checkOverride(text: string, allowedVariables: readonly string[]): OverrideProblem[] {
  if (text.trim() === "") return [{ line: 1, message: "The text is empty" }];
  const source = overrideEntry("override", text);
  const lastLine = text.replace(/\s+$/, "").split(/\r\n?|\n/).length;
  // Line 0 of the entry is `override =`; an error at the very end belongs to the operator's last line.
  const lineOf = (pos: number) => Math.min(lastLine, Math.max(1, lineOffset(source, pos)));
  const resource = parse(source, { withSpans: true });
  const problems: OverrideProblem[] = [];
  for (const entry of resource.body) {
    if (entry instanceof Junk) {
      for (const annotation of entry.annotations) {
        const at = annotation.span?.start ?? 0;
        // A placeable may span lines, so a missing "}" is noticed lines later: name the line that opened it.
        const start =
          annotation.code === "E0003" && annotation.arguments[0] === "}" ? openBraceBefore(source, at) : at;
        problems.push({ line: lineOf(start), message: annotation.message });
      }
    }
  }
  const messages = resource.body.filter((entry) => entry instanceof Message);
  if (problems.length === 0 && messages.length !== 1)
    problems.push({
      line: 1,
      message: "Write one text; a line starting with `name =` starts another message",
    });
  if (problems.length) return problems;
  // An indented `.name = …` line is a Fluent attribute, not text: the message would have no text.
  const [message] = messages as Message[];
  for (const attribute of message?.attributes ?? []) {
    problems.push({
      line: lineOf(attribute.span?.start ?? 0),
      message: "A line starting with `.name =` is not text here; start that line differently",
    });
  }
  if (!problems.length && !message?.value) problems.push({ line: 1, message: "The text is empty" });
  if (problems.length) return problems;
  const allowed = allowedVariables.length ? allowedVariables.map((v) => `$${v}`).join(", ") : "none";
  for (const ref of referencesIn(messages[0])) {
    if (ref.kind === "message")
      problems.push({
        line: lineOf(ref.start),
        message: `{ ${ref.name} } refers to another message; write the text itself`,
      });
    else if (!allowedVariables.includes(ref.name))
      problems.push({
        line: lineOf(ref.start),
        message: `Unknown variable $${ref.name}; this text may use: ${allowed}`,
      });
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** A bundle of one bot's overrides for a locale, consulted before the default files. */
export function compileOverrides(
  locale: Locale,
  overrides: readonly { key: string; text: string }[],
): FluentBundle {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  for (const { key, text } of overrides) bundle.addResource(new FluentResource(overrideEntry(key, text)));
  return bundle;
}
