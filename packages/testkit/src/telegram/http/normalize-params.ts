import type { Params } from "../params.ts";

const JSON_FIELDS = new Set([
  "reply_markup",
  "reply_parameters",
  "link_preview_options",
  "entities",
  "caption_entities",
  "prices",
  "allowed_updates",
  "commands",
  "scope",
  "suggested_tip_amounts",
  "permissions",
  "media",
]);
const INTEGER_FIELDS = new Set([
  "offset",
  "limit",
  "timeout",
  "until_date",
  "expire_date",
  "member_limit",
  "subscription_period",
  "subscription_price",
  "max_connections",
  "cache_time",
  "max_tip_amount",
]);
/** Opaque identifiers that only look numeric; they stay strings. */
const STRING_IDS =
  /(query_id|charge_id|file_id|unique_id|inline_message_id|connection_id|emoji_id|effect_id)$/;
const BOOLEAN_PREFIXES =
  /^(is_|can_|disable_|drop_|need_|send_|only_|creates_|protect_|show_|revoke_|allow_|keep_)/;

/**
 * Form and query parameters are all strings; tests read `calls[i].params`
 * with the same types grammY sends as JSON, so numbers, flags and
 * JSON-serialized fields are converted. Anything unparseable is left as sent
 * for the handler to reject the way Telegram would.
 */
export function normalizeParams(raw: Record<string, unknown>): Params {
  const params: Params = {};
  for (const [name, value] of Object.entries(raw)) {
    params[name] = typeof value === "string" ? convert(name, value) : value;
  }
  return params;
}

function convert(name: string, value: string): unknown {
  if (JSON_FIELDS.has(name)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  const integerLike = /^-?\d{1,16}$/.test(value);
  const integerField = (name.endsWith("_id") && !STRING_IDS.test(name)) || INTEGER_FIELDS.has(name);
  if (integerLike && integerField) {
    const number = Number(value);
    return Number.isSafeInteger(number) ? number : value;
  }
  if ((value === "true" || value === "false") && (name === "ok" || BOOLEAN_PREFIXES.test(name))) {
    return value === "true";
  }
  return value;
}
