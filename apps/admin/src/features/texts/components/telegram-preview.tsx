import type * as React from "react";

// What Telegram turns into links in a plain-text message: web addresses, @usernames, /commands, #tags.
const entityPattern =
  /(https?:\/\/[^\s]+|@[A-Za-z0-9_]{4,32}|(?<![\w/])\/[A-Za-z0-9_]{1,32}|#[\p{L}0-9_]+)/gu;

/** Splits a text into plain runs and the entities Telegram would highlight. */
function withEntities(text: string): React.ReactNode[] {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(entityPattern)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(
      <span key={at} className="text-sky-600 dark:text-sky-400">
        {match[0]}
      </span>,
    );
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/**
 * The message as a Telegram chat shows it: an incoming bubble on the chat background. The bot sends
 * its texts without parse_mode, so what is written is what is read; Telegram still links addresses,
 * usernames and commands.
 */
export function TelegramPreview({
  text,
  botName,
  photo,
  photoLabel,
}: {
  text: string;
  botName: string;
  /** A picture sent with the text as its caption (a URL is shown; a file_id as a placeholder). */
  photo?: string | null | undefined;
  photoLabel?: string;
}) {
  return (
    <div className="rounded-lg bg-[#c9dcb5] p-4 dark:bg-[#0e1621]" data-testid="telegram-preview">
      <div className="max-w-[85%] overflow-hidden rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-[15px] leading-snug text-black shadow-sm dark:bg-[#182533] dark:text-white">
        {photo ? (
          <div
            className="-mx-3 -mt-2 mb-2 flex min-h-32 items-center justify-center bg-neutral-200 bg-cover bg-center text-xs text-neutral-600 dark:bg-neutral-700 dark:text-neutral-300"
            style={/^https?:\/\//.test(photo) ? { backgroundImage: `url("${encodeURI(photo)}")` } : undefined}
            data-testid="telegram-preview-photo"
            role="img"
            aria-label={photoLabel}
          >
            <span className="rounded bg-white/70 px-1.5 py-0.5 dark:bg-black/50">🖼 {photoLabel}</span>
          </div>
        ) : null}
        <div className="mb-0.5 text-sm font-medium text-sky-700 dark:text-sky-300">{botName}</div>
        <div className="break-words whitespace-pre-wrap">{withEntities(text)}</div>
      </div>
    </div>
  );
}
