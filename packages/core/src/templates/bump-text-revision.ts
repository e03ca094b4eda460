import { botTextRevisions, type Database } from "@lumen/db";
import { sql } from "drizzle-orm";

/** Raised with every change of a bot's texts, in its transaction: the signal every process's cache reads. */
export async function bumpTextRevision(tx: Database, botId: string): Promise<void> {
  await tx
    .insert(botTextRevisions)
    .values({ botId, revision: 1 })
    .onConflictDoUpdate({
      target: botTextRevisions.botId,
      set: { revision: sql`${botTextRevisions.revision} + 1` },
    });
}
