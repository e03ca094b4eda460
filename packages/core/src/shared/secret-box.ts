import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** Separate keys per purpose, all derived from LUMEN_SECRET, so one leak does not open the others. */
export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `lumen:${purpose}`, 32));
}

export type SecretBox = {
  /** Seals under the current format, bound to `context` (e.g. `bot:<id>`) as associated data. */
  encrypt(plain: string, context?: string): string;
  /** Opens either format; a v2 secret opens only with the context it was sealed for. */
  decrypt(sealed: string, context?: string): string;
  /** Whether a sealed value is already in the current format (v2). */
  isCurrent(sealed: string): boolean;
};

const TAG_LENGTH = 16;
const CURRENT = "v2";

/**
 * AES-256-GCM for secrets at rest (bot tokens). "v2.iv.tag.ciphertext" (base64url) binds the
 * owner (the bot id) as associated data, so a ciphertext copied onto another row does not open;
 * "v1" (no associated data) is only read, and is resealed as v2 at start and by `secret rotate`.
 * The tag length is pinned to 16 bytes: a truncated tag is refused, not accepted as shorter.
 */
export function createSecretBox(master: Buffer): SecretBox {
  const key = deriveKey(master, "secret-box");
  const aad = (context: string | undefined) => Buffer.from(`lumen:${context ?? ""}`, "utf8");
  return {
    encrypt(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_LENGTH });
      cipher.setAAD(aad(context));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [CURRENT, iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(".");
    },
    decrypt(sealed, context) {
      const [version, iv, tag, body] = sealed.split(".");
      if ((version !== "v1" && version !== CURRENT) || !iv || !tag || body === undefined)
        throw new Error("Unknown secret format");
      const authTag = Buffer.from(tag, "base64url");
      if (authTag.length !== TAG_LENGTH) throw new Error("Bad authentication tag length");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), {
        authTagLength: TAG_LENGTH,
      });
      if (version === CURRENT) decipher.setAAD(aad(context));
      decipher.setAuthTag(authTag);
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
    isCurrent: (sealed) => sealed.startsWith(`${CURRENT}.`),
  };
}

/** The associated data a bot's token is sealed with. */
export const botTokenContext = (botId: string) => `bot:${botId}`;
