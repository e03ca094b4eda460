/**
 * The installed app's sign-in, kept in this browser's localStorage: a random browser key (the
 * server hands a confirmed code's session only to the browser that asked for it) and the session
 * tokens per bot. Inside Telegram none of this is used: the launch data signs every call.
 */
export type Tokens = { access_token: string; refresh_token: string; access_expires_at: string };

const browserKeyName = "lumen.store.browser-key";
const tokensName = (botId: string) => `lumen.store.${botId}.tokens`;
const listeners = new Set<() => void>();

function read(name: string): string | null {
  try {
    return localStorage.getItem(name);
  } catch {
    return null;
  }
}

function write(name: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(name);
    else localStorage.setItem(name, value);
  } catch {
    // Private mode without storage: the session lives as long as the page.
  }
}

/** 32 random bytes, base64url: made once per browser, never sent anywhere but this server. */
export function browserKey(): string {
  const kept = read(browserKeyName);
  if (kept && /^[\w-]{32,128}$/.test(kept)) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const key = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  write(browserKeyName, key);
  return key;
}

let memory: Record<string, Tokens | null> = {};

export function readTokens(botId: string): Tokens | null {
  if (botId in memory) return memory[botId] ?? null;
  try {
    const parsed = JSON.parse(read(tokensName(botId)) ?? "null") as Tokens | null;
    return parsed?.access_token && parsed.refresh_token ? parsed : null;
  } catch {
    return null;
  }
}

/** Saves (or with null drops) this bot's session and tells the app, which switches screens. */
export function saveTokens(botId: string, tokens: Tokens | null): void {
  memory = { ...memory, [botId]: tokens };
  write(tokensName(botId), tokens ? JSON.stringify(tokens) : null);
  for (const listener of listeners) listener();
}

export function onTokensChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
