import { errors, jwtVerify, SignJWT } from "jose";
import { LumenError } from "../shared/errors.ts";

const ISSUER = "lumen";
const AUDIENCE = "lumen-admin";

export type SessionClaims = { adminId: string; sessionId: string };

/** HS256 with a key derived from LUMEN_SECRET; the token only names a session row. */
export function signSessionToken(key: Uint8Array, claims: SessionClaims, expiresAt: Date): Promise<string> {
  return new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.adminId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key);
}

export async function readSessionToken(key: Uint8Array, token: string, now: Date): Promise<SessionClaims> {
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
    });
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string")
      throw new errors.JWTInvalid("claims");
    return { adminId: payload.sub, sessionId: payload.sid };
  } catch (error) {
    if (error instanceof errors.JOSEError)
      throw new LumenError("UNAUTHENTICATED", "The session is invalid or expired");
    throw error;
  }
}
