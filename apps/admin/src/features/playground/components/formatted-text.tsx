import type { PlaygroundMessage } from "../api/playground-api.ts";

type Entity = PlaygroundMessage["entities"][number];

const styles: Record<string, string> = {
  bold: "font-semibold",
  italic: "italic",
  underline: "underline",
  strikethrough: "line-through",
  code: "rounded bg-muted px-1 font-mono text-[0.85em]",
  pre: "block whitespace-pre-wrap rounded bg-muted p-2 font-mono text-[0.85em]",
  spoiler: "rounded bg-foreground/80 text-transparent hover:bg-transparent hover:text-inherit",
  blockquote: "block border-l-2 border-primary/60 pl-2",
};

/**
 * A message's text with its Telegram entities (offsets in UTF-16 units, as JavaScript strings
 * count): cut at every entity boundary, each piece styled by the entities covering it.
 */
export function FormattedText({
  text,
  entities,
  onLink,
}: {
  text: string;
  entities: Entity[];
  /** A link was clicked; return true when the playground handled it (an invite or invoice link). */
  onLink: (url: string) => boolean;
}) {
  const cuts = new Set([0, text.length]);
  for (const e of entities) {
    cuts.add(e.offset);
    cuts.add(e.offset + e.length);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const pieces = points.slice(0, -1).map((start, i) => {
    const end = points[i + 1] ?? text.length;
    const covering = entities.filter((e) => e.offset <= start && e.offset + e.length >= end);
    return { start, end, covering };
  });
  return (
    <span className="whitespace-pre-wrap break-words">
      {pieces.map(({ start, end, covering }) => {
        const piece = text.slice(start, end);
        const className = covering.map((e) => styles[e.type] ?? "").join(" ");
        const link = covering.find((e) => e.type === "text_link" || e.type === "url");
        if (link) {
          const href = link.url ?? piece;
          return (
            <a
              key={start}
              href={href}
              target="_blank"
              rel="noreferrer"
              className={`${className} text-primary underline underline-offset-2`}
              onClick={(event) => {
                if (onLink(href)) event.preventDefault();
              }}
            >
              {piece}
            </a>
          );
        }
        return (
          <span key={start} className={className}>
            {piece}
          </span>
        );
      })}
    </span>
  );
}
