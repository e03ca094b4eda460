import { broadcastListMembers, broadcastLists } from "@lumen/db";
import { desc } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, validationFailed } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";

const listInput = z.object({
  name: z.string().trim().min(1).max(200),
  /** CSV text: a Telegram id per line (the first column); a header line and blank lines are skipped. */
  csv: z.string().max(1_000_000),
});

/** Telegram ids from a CSV: the first column of each line; a line that is not an id is named. */
export function parseTelegramIds(csv: string): number[] {
  const ids = new Set<number>();
  const lines = csv.split(/\r?\n/);
  lines.forEach((line, index) => {
    const first =
      line
        .split(/[,;\t]/)[0]
        ?.trim()
        .replace(/^"|"$/g, "") ?? "";
    if (!first) return;
    if (!/^\d{1,15}$/.test(first)) {
      if (index === 0) return; // a header
      throw validationFailed("csv", `line ${index + 1}: "${first.slice(0, 30)}" is not a Telegram id`);
    }
    ids.add(Number(first));
  });
  if (ids.size === 0) throw validationFailed("csv", "no Telegram ids found");
  return [...ids];
}

/** Saves an uploaded list of Telegram ids as an audience a broadcast can target. */
export async function createBroadcastList(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof listInput>,
): Promise<{ id: string; name: string; size: number }> {
  requireRole(actor, "operator");
  const { name, csv } = parseInput(listInput, input);
  const ids = parseTelegramIds(csv);
  return ctx.db.transaction(async (tx) => {
    const [list] = await tx.insert(broadcastLists).values({ name, size: ids.length }).returning();
    if (!list) throw new LumenError("INTERNAL", "The list was not saved");
    for (let i = 0; i < ids.length; i += 1000)
      await tx
        .insert(broadcastListMembers)
        .values(ids.slice(i, i + 1000).map((telegramId) => ({ listId: list.id, telegramId })));
    await recordAudit(tx, actor, {
      action: "broadcast_list.create",
      entityType: "broadcast_list",
      entityId: list.id,
      data: { size: ids.length },
    });
    return { id: list.id, name: list.name, size: list.size };
  });
}

export async function listBroadcastLists(ctx: CoreContext) {
  return ctx.db
    .select({
      id: broadcastLists.id,
      name: broadcastLists.name,
      size: broadcastLists.size,
      createdAt: broadcastLists.createdAt,
    })
    .from(broadcastLists)
    .orderBy(desc(broadcastLists.createdAt))
    .limit(200);
}
