import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** Separate keys per purpose, all derived from LUMEN_SECRET, so one leak does not open the others. */
export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `lumen:${purpose}`, 32));
}

export type SecretBox = {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
};

/**
 * AES-256-GCM for secrets at rest (bot tokens). The format "v1.iv.tag.ciphertext" (base64url)
 * names its version so the scheme can change without guessing what an old row holds.
 */
export function createSecretBox(master: Buffer): SecretBox {
  const key = deriveKey(master, "secret-box");
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return ["v1", iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(".");
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Unknown secret format");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}
