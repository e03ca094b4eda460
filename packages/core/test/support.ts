import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import type { Clock, CoreContext } from "../src/index.ts";

/** A clock tests move by hand, so expiry is tested without waiting. */
export function createManualClock(
  start = new Date("2026-01-15T10:00:00Z"),
): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
  };
}

export async function createTestCore(): Promise<{
  database: TestDatabase;
  core: CoreContext;
  clock: ReturnType<typeof createManualClock>;
}> {
  const database = await createTestDatabase();
  const clock = createManualClock();
  return { database, core: { db: database.db, clock }, clock };
}
