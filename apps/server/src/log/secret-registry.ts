/** Values shorter than this are not secrets we generate or accept; masking them would garble logs. */
const MIN_SECRET_LENGTH = 8;

export const MASK = "[redacted]";

export type SecretRegistry = {
  /** Remembers a secret value; every later log line has it (and its URL/JSON-escaped forms) masked. */
  add(value: string | undefined | null): void;
  /** The text with every known secret replaced by MASK. */
  mask(text: string): string;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Secrets Lumen knows, masked by value wherever they appear in a log line: tokens hide inside
 * URLs of nested network errors (`/bot<token>/getMe`) and in the payloads of Telegram's 400
 * answers, where no key name gives them away. Config adds its secrets at start; the bot runtime
 * adds each bot's token as it decrypts it.
 */
export function createSecretRegistry(): SecretRegistry {
  const values = new Set<string>();
  let pattern: RegExp | undefined;
  const rebuild = () => {
    // Longest first, so a secret that contains another is masked whole.
    const sorted = [...values].sort((a, b) => b.length - a.length).map(escapeRegExp);
    pattern = sorted.length ? new RegExp(sorted.join("|"), "g") : undefined;
  };
  return {
    add(value) {
      if (!value || value.length < MIN_SECRET_LENGTH) return;
      const forms = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
      let changed = false;
      for (const form of forms) {
        if (!values.has(form)) {
          values.add(form);
          changed = true;
        }
      }
      if (changed) rebuild();
    },
    mask(text) {
      return pattern ? text.replace(pattern, MASK) : text;
    },
  };
}

/** The secrets in the environment: keys, tokens, and the password inside DATABASE_URL. */
export function addConfigSecrets(
  secrets: SecretRegistry,
  config: {
    LUMEN_SECRET?: string | undefined;
    BOT_TOKEN?: string | undefined;
    TELEGRAM_PROVIDER_TOKEN?: string | undefined;
    YOOKASSA_SECRET_KEY?: string | undefined;
    OPENAI_API_KEY?: string | undefined;
    DATABASE_URL?: string | undefined;
    METRICS_TOKEN?: string | undefined;
  },
): void {
  secrets.add(config.LUMEN_SECRET);
  secrets.add(config.BOT_TOKEN);
  secrets.add(config.TELEGRAM_PROVIDER_TOKEN);
  secrets.add(config.YOOKASSA_SECRET_KEY);
  secrets.add(config.OPENAI_API_KEY);
  secrets.add(config.METRICS_TOKEN);
  if (config.DATABASE_URL) {
    try {
      const password = new URL(config.DATABASE_URL).password;
      if (password) secrets.add(decodeURIComponent(password));
    } catch {
      // The config schema already checked the URL's shape; an unparsable one has no password to hide.
    }
  }
}
