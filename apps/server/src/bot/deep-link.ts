/** What a /start payload (t.me/bot?start=...) asks for. Telegram allows [A-Za-z0-9_-]{1,64}. */
export type DeepLink =
  | { kind: "referral"; code: string }
  | { kind: "login"; code: string }
  | { kind: "product"; productId: string }
  | { kind: "promo"; code: string }
  | { kind: "operator"; code: string }
  | { kind: "lessonMedia"; token: string }
  | { kind: "unknown"; payload: string };

const patterns: Array<[RegExp, (value: string) => DeepLink]> = [
  [/^ref_([\w-]{1,60})$/, (code) => ({ kind: "referral", code })],
  [/^login_([\w-]{1,58})$/, (code) => ({ kind: "login", code })],
  [/^p_([\w-]{1,62})$/, (productId) => ({ kind: "product", productId })],
  [/^promo_([\w-]{1,58})$/, (code) => ({ kind: "promo", code })],
  [/^op_([A-Za-z0-9]{1,61})$/, (code) => ({ kind: "operator", code })],
  [/^media_([A-Za-z0-9]{1,58})$/, (token) => ({ kind: "lessonMedia", token })],
];

export function parseDeepLink(payload: string | undefined | null): DeepLink | null {
  const value = payload?.trim();
  if (!value) return null;
  for (const [pattern, build] of patterns) {
    const match = pattern.exec(value);
    if (match?.[1]) return build(match[1]);
  }
  return { kind: "unknown", payload: value.slice(0, 64) };
}

/** The payload of a "/start <payload>" message text, if any. */
export function startPayloadOf(text: string | undefined): string | null {
  const match = text?.match(/^\/start(?:@\w+)?\s+(\S+)/);
  return match?.[1] ?? null;
}
