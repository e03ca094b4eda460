import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../src/index.ts";
import { migrateDatabase } from "../src/migrate-database.ts";
import { createTestDatabase, type TestDatabase } from "../src/test-database.ts";

describe("migrations", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("creates every table and can be applied again without change", async () => {
    await migrateDatabase(database);
    const tables = await database.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["admin_sessions", "admins", "api_keys", "audit_log", "bots", "users"]),
    );
  });

  it("stores Telegram ids beyond 32 bits as exact numbers", async () => {
    const [row] = await database.db
      .insert(users)
      .values({ telegramId: 7_000_000_000_123, firstName: "Ada" })
      .returning();
    expect(row?.telegramId).toBe(7_000_000_000_123);
  });
});
