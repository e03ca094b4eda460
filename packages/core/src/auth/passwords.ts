import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id profile (19 MiB, 2 passes): slow for an attacker, ~20 ms for a login.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash can never match; treat it as a wrong password, not a crash.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifying against this when the email is unknown keeps login time the same for both cases. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("lumen-no-such-admin");
  return dummyHash;
}
