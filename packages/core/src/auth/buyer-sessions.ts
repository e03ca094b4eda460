import { createHash, randomBytes } from "node:crypto";
import { type BuyerSessionRow, buyerSessions, users } from "@lumen/db";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { errors, jwtVerify, SignJWT } from "jose";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import type { BuyerPrincipal } from "./authenticate-init-data.ts";
import { requireRole } from "./roles.ts";

/** Short-lived: a stolen access token is worth minutes; the session behind it is what lasts. */
const ACCESS_TTL_S = 15 * 60;
const SESSION_TTL_MS = 30 * 24 * 3600_000;
const ISSUER = "lumen";
/** Not the panel's audience: an operator token never opens the store, nor a buyer's the panel. */
const AUDIENCE = "lumen-buyer";

export type BuyerTokens = { accessToken: string; refreshToken: string; accessExpiresAt: Date };

const hashRefresh = (token: string) => createHash("sha256").update(token).digest("hex");

async function issueTokens(
  key: Uint8Array,
  session: { id: string; userId: string; botId: string },
  now: Date,
) {
  const accessExpiresAt = new Date(now.getTime() + ACCESS_TTL_S * 1000);
  const accessToken = await new SignJWT({ sid: session.id, bot: session.botId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(session.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(accessExpiresAt.getTime() / 1000))
    .sign(key);
  return { accessToken, accessExpiresAt };
}

/** A new session for a buyer who confirmed a sign-in in the bot. */
export async function openBuyerSession(
  ctx: CoreContext,
  key: Uint8Array,
  input: { userId: string; botId: string; userAgent: string | null },
): Promise<BuyerTokens> {
  const now = ctx.clock.now();
  const refreshToken = randomBytes(32).toString("base64url");
  const [session] = await ctx.db
    .insert(buyerSessions)
    .values({
      userId: input.userId,
      botId: input.botId,
      refreshHash: hashRefresh(refreshToken),
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!session) throw new Error("insert returned no row");
  return { ...(await issueTokens(key, session, now)), refreshToken };
}

/** Trades a refresh token for new tokens; the old refresh token stops working at once. */
export async function refreshBuyerSession(
  ctx: CoreContext,
  key: Uint8Array,
  refreshToken: string,
): Promise<BuyerTokens> {
  const now = ctx.clock.now();
  const next = randomBytes(32).toString("base64url");
  const [session] = await ctx.db
    .update(buyerSessions)
    .set({ refreshHash: hashRefresh(next), lastUsedAt: now, updatedAt: now })
    .where(
      and(
        eq(buyerSessions.refreshHash, hashRefresh(refreshToken)),
        isNull(buyerSessions.revokedAt),
        gt(buyerSessions.expiresAt, now),
      ),
    )
    .returning();
  if (!session)
    throw new LumenError("UNAUTHENTICATED", "The session has ended; sign in again", {
      field: "refresh_token",
    });
  return { ...(await issueTokens(key, session, now)), refreshToken: next };
}

/** The buyer behind an access token, if its session is still open and for this bot. */
export async function resolveBuyerSession(
  ctx: CoreContext,
  key: Uint8Array,
  input: { accessToken: string; botId: string },
): Promise<BuyerPrincipal> {
  const now = ctx.clock.now();
  let claims: { sub?: string; sid?: unknown; bot?: unknown };
  try {
    ({ payload: claims } = await jwtVerify(input.accessToken, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
    }));
  } catch (error) {
    if (error instanceof errors.JOSEError)
      throw new LumenError("UNAUTHENTICATED", "The sign-in has expired; refresh it");
    throw error;
  }
  if (claims.bot !== input.botId || typeof claims.sid !== "string")
    throw new LumenError("UNAUTHENTICATED", "This sign-in is for another store");
  const [row] = await ctx.db
    .select({ user: users })
    .from(buyerSessions)
    .innerJoin(users, eq(users.id, buyerSessions.userId))
    .where(
      and(
        eq(buyerSessions.id, claims.sid),
        isNull(buyerSessions.revokedAt),
        gt(buyerSessions.expiresAt, now),
      ),
    );
  if (!row) throw new LumenError("UNAUTHENTICATED", "The session has ended; sign in again");
  if (row.user.blockedAt) throw new LumenError("FORBIDDEN", "This account is blocked in this store");
  return { user: row.user, botId: input.botId, startParam: null };
}

/** A buyer's open sessions, newest first: what the bot's /sessions and the admin panel list. */
export async function listBuyerSessions(ctx: CoreContext, userId: string): Promise<BuyerSessionRow[]> {
  return ctx.db
    .select()
    .from(buyerSessions)
    .where(
      and(
        eq(buyerSessions.userId, userId),
        isNull(buyerSessions.revokedAt),
        gt(buyerSessions.expiresAt, ctx.clock.now()),
      ),
    )
    .orderBy(desc(buyerSessions.createdAt));
}

/** Ends one of a buyer's sessions, or all of them when no id is given; ending an ended one is a no-op. */
export async function revokeBuyerSessions(
  ctx: CoreContext,
  input: { userId: string; sessionId?: string },
): Promise<number> {
  const now = ctx.clock.now();
  const ended = await ctx.db
    .update(buyerSessions)
    .set({ revokedAt: now, updatedAt: now })
    .where(
      and(
        eq(buyerSessions.userId, input.userId),
        isNull(buyerSessions.revokedAt),
        input.sessionId ? eq(buyerSessions.id, input.sessionId) : undefined,
      ),
    )
    .returning({ id: buyerSessions.id });
  if (input.sessionId && ended.length === 0) {
    const [exists] = await ctx.db
      .select({ id: buyerSessions.id })
      .from(buyerSessions)
      .where(and(eq(buyerSessions.id, input.sessionId), eq(buyerSessions.userId, input.userId)));
    if (!exists) throw notFound("Session", input.sessionId);
  }
  return ended.length;
}

/** An operator signs a buyer out of the installed app everywhere (a lost phone), audited. */
export async function signOutBuyerEverywhere(
  ctx: CoreContext,
  actor: Actor,
  userId: string,
): Promise<number> {
  requireRole(actor, "admin");
  return ctx.db.transaction(async (tx) => {
    const ended = await revokeBuyerSessions({ ...ctx, db: tx }, { userId });
    await recordAudit(tx, actor, {
      action: "user.sign_out_app",
      entityType: "user",
      entityId: userId,
      data: { sessions: ended },
    });
    return ended;
  });
}
