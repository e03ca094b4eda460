import type * as React from "react";

const allowed: Record<string, string> = {
  b: "font-semibold",
  strong: "font-semibold",
  i: "italic",
  em: "italic",
  u: "underline",
  s: "line-through",
  code: "rounded bg-black/5 px-1 font-mono text-[0.85em]",
  pre: "rounded bg-black/5 p-2 font-mono text-[0.85em] whitespace-pre-wrap",
  a: "text-sky-600 underline",
};

function render(node: Node, key: number): React.ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (!(node instanceof Element)) return null;
  const children = Array.from(node.childNodes).map(render);
  const tag = node.tagName.toLowerCase();
  const className = allowed[tag];
  // Telegram rejects other tags; the preview shows their text, as a safe fallback.
  if (!className) return <span key={key}>{children}</span>;
  if (tag === "a") {
    const href = node.getAttribute("href") ?? "";
    return (
      <a
        key={key}
        className={className}
        href={/^https?:\/\//.test(href) ? href : undefined}
        target="_blank"
        rel="noreferrer"
      >
        {children}
      </a>
    );
  }
  const Tag = tag as "b";
  return (
    <Tag key={key} className={className}>
      {children}
    </Tag>
  );
}

/**
 * Telegram HTML (the subset its parse_mode takes) as React nodes: parsed by the browser's inert
 * DOMParser and rebuilt tag by tag, so no markup of the author's reaches the page as HTML.
 */
export function TelegramHtml({ html }: { html: string }) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  return <>{Array.from(doc.body.childNodes).map(render)}</>;
}
