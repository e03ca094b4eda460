import { adminSessions, auditLog } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_TTL_MS } from "../src/auth/log-in.ts";
import { SESSION_IDLE_TIMEOUT_MS } from "../src/auth/resolve-session.ts";
import {
  type Actor,
  authenticateApiKey,
  cliActor,
  createAdmin,
  createApiKey,
  logIn,
  logOut,
  pruneSessions,
  resolveSession,
  revokeApiKey,
  SESSION_RETENTION_MS,
  signSessionToken,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

const key = new TextEncoder().encode("k".repeat(32));
let t: Awaited<ReturnType<typeof createTestCore>>;

beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.database.close());

async function sessionToken(email: string, password: string) {
  const { admin, session } = await logIn(t.core, { email, password });
  return {
    admin,
    session,
    token: await signSessionToken(key, { adminId: admin.id, sessionId: session.id }, session.expiresAt),
  };
}

describe("operators", () => {
  it("creates an operator with a hashed password and an audit row", async () => {
    const admin = await createAdmin(t.core, cliActor, {
      email: " Owner@Example.com ",
      password: "correct horse battery",
    });
    expect(admin).toMatchObject({ email: "owner@example.com", role: "owner" });
    const audit = await t.core.db.select().from(auditLog).where(eq(auditLog.entityId, admin.id));
    expect(audit).toEqual([expect.objectContaining({ action: "admin.create", actorType: "cli" })]);
  });

  it("names the field for bad input and refuses duplicates regardless of case", async () => {
    await expect(
      createAdmin(t.core, cliActor, { email: "not-an-email", password: "long enough pw" }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { field: "email" },
    });
    await expect(
      createAdmin(t.core, cliActor, { email: "x@example.com", password: "short" }),
    ).rejects.toMatchObject({
      details: { field: "password" },
    });
    await expect(
      createAdmin(t.core, cliActor, { email: "OWNER@example.com", password: "another password" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("lets only owners create operators", async () => {
    const admin: Actor = { type: "admin", id: null, role: "admin" };
    await expect(
      createAdmin(t.core, admin, { email: "o@example.com", password: "long enough pw" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("sessions", () => {
  beforeAll(async () => {
    await createAdmin(t.core, cliActor, {
      email: "ops@example.com",
      password: "operator password",
      role: "operator",
    });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const unknown = await logIn(t.core, { email: "nobody@example.com", password: "x" }).catch((e) => e);
    const wrong = await logIn(t.core, { email: "ops@example.com", password: "wrong password" }).catch(
      (e) => e,
    );
    expect(unknown).toMatchObject({ code: "UNAUTHENTICATED", message: "Wrong email or password" });
    expect(wrong).toMatchObject({ code: "UNAUTHENTICATED", message: "Wrong email or password" });
  });

  it("resolves a token to its operator until logout", async () => {
    const { admin, session, token } = await sessionToken("OPS@example.com", "operator password");
    await expect(resolveSession(t.core, key, token)).resolves.toMatchObject({
      kind: "admin",
      adminId: admin.id,
      role: "operator",
    });
    await logOut(t.core, { type: "admin", id: admin.id, role: admin.role }, session.id);
    await expect(resolveSession(t.core, key, token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("rejects a token signed with another key", async () => {
    const { token } = await sessionToken("ops@example.com", "operator password");
    await expect(
      resolveSession(t.core, new TextEncoder().encode("z".repeat(32)), token),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("ends a session left idle past the idle timeout; one in use lives until its absolute end", async () => {
    const idle = await sessionToken("ops@example.com", "operator password");
    const active = await sessionToken("ops@example.com", "operator password");
    const lastSeen = async (id: string) =>
      (await t.core.db.select().from(adminSessions).where(eq(adminSessions.id, id)))[0]?.lastSeenAt;
    // Requests within a minute of the last mark write nothing.
    const opened = await lastSeen(active.session.id);
    t.clock.advance(30_000);
    await resolveSession(t.core, key, active.token);
    expect(await lastSeen(active.session.id)).toEqual(opened);
    for (let used = 0; used < 4; used++) {
      t.clock.advance(SESSION_IDLE_TIMEOUT_MS - 60_000);
      await expect(resolveSession(t.core, key, active.token)).resolves.toMatchObject({ kind: "admin" });
    }
    expect(await lastSeen(active.session.id)).toEqual(t.clock.now());
    await expect(resolveSession(t.core, key, idle.token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // A shorter configured timeout applies to the same session.
    t.clock.advance(10 * 60_000);
    await expect(
      resolveSession(t.core, key, active.token, { idleTimeoutMs: 5 * 60_000 }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(resolveSession(t.core, key, active.token)).resolves.toMatchObject({ kind: "admin" });
  });

  it("expires sessions and prunes them after the retention period", async () => {
    const { token } = await sessionToken("ops@example.com", "operator password");
    t.clock.advance(SESSION_TTL_MS + 1000);
    await expect(resolveSession(t.core, key, token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await pruneSessions(t.core)).deleted).toBe(0);
    t.clock.advance(SESSION_RETENTION_MS);
    expect((await pruneSessions(t.core)).deleted).toBeGreaterThanOrEqual(2);
  });
});

describe("API keys", () => {
  const owner: Actor = { type: "cli", id: null, role: "owner" };

  it("authenticates by key with its role, and never stores the key itself", async () => {
    const created = await createApiKey(t.core, owner, { name: "crm", role: "admin" });
    expect(created.key).toMatch(/^lmn_[\w-]{43}$/);
    await expect(authenticateApiKey(t.core, created.key)).resolves.toMatchObject({
      kind: "api_key",
      role: "admin",
      name: "crm",
    });
    const rows = await t.database.query<{ key_hash: string }>("select key_hash from api_keys where id = $1", [
      created.id,
    ]);
    expect(rows[0]?.key_hash).not.toContain(created.key.slice(4));
  });

  it("stamps last use at most once a minute", async () => {
    const created = await createApiKey(t.core, owner, { name: "stamp", role: "operator" });
    await authenticateApiKey(t.core, created.key);
    const first = await t.database.query<{ last_used_at: Date }>(
      "select last_used_at from api_keys where id = $1",
      [created.id],
    );
    t.clock.advance(10_000);
    await authenticateApiKey(t.core, created.key);
    const second = await t.database.query<{ last_used_at: Date }>(
      "select last_used_at from api_keys where id = $1",
      [created.id],
    );
    expect(second[0]?.last_used_at).toEqual(first[0]?.last_used_at);
    t.clock.advance(60_000);
    await authenticateApiKey(t.core, created.key);
    const third = await t.database.query<{ last_used_at: Date }>(
      "select last_used_at from api_keys where id = $1",
      [created.id],
    );
    expect(new Date(third[0]?.last_used_at as Date).getTime()).toBe(t.clock.now().getTime());
  });

  it("refuses revoked, expired and unknown keys", async () => {
    const revoked = await createApiKey(t.core, owner, { name: "old", role: "admin" });
    await revokeApiKey(t.core, owner, revoked.id);
    await revokeApiKey(t.core, owner, revoked.id);
    await expect(authenticateApiKey(t.core, revoked.key)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    const expiring = await createApiKey(t.core, owner, {
      name: "short",
      role: "admin",
      expiresAt: new Date(t.clock.now().getTime() + 60_000),
    });
    t.clock.advance(61_000);
    await expect(authenticateApiKey(t.core, expiring.key)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authenticateApiKey(t.core, "lmn_nope")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("lets only owners mint keys", async () => {
    await expect(
      createApiKey(t.core, { type: "admin", id: null, role: "admin" }, { name: "x", role: "owner" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
