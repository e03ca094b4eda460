import { type TaskNoticeKind, taskNotices } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import { queueJob } from "../jobs/outbox.ts";
import type { CoreContext } from "../shared/context.ts";
import { rowsOf } from "../shared/sql-rows.ts";

export type ClaimedNotice = { id: string; taskId: string; kind: TaskNoticeKind; dueAt: Date };

/**
 * Finds the tasks that need a notice now (a deadline soon: the assistant; overdue or untaken
 * too long: the admins) and claims each notice with a unique row, queueing its job in the same
 * transaction. Two workers sweeping at once claim each notice once; a changed deadline is a new notice.
 */
export async function claimTaskNotices(ctx: CoreContext): Promise<ClaimedNotice[]> {
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      insert into task_notices (task_id, kind, due_at, created_at)
      select t.id, due.kind, due.due_at, ${now}::timestamptz
      from tasks t
      left join task_settings s on s.bot_id = t.bot_id
      cross join lateral (
        select 'reminder' as kind, t.deadline as due_at
        where t.assignee_id is not null and t.deadline is not null and t.deadline > ${now}::timestamptz
          and t.deadline - make_interval(mins => coalesce(s.reminder_minutes_before, 60)) <= ${now}::timestamptz
        union all
        select 'overdue', t.deadline
        where t.deadline is not null and t.deadline <= ${now}::timestamptz
        union all
        select 'untaken', t.created_at
        where t.status = 'new'
          and t.created_at + make_interval(mins => coalesce(s.untaken_alert_minutes, 60)) <= ${now}::timestamptz
      ) due
      where t.status in ('new', 'in_progress', 'waiting')
      on conflict (task_id, kind, due_at) do nothing
      returning id, task_id as "taskId", kind, due_at as "dueAt"
    `);
    const claimed = rowsOf<{ id: string; taskId: string; kind: TaskNoticeKind; dueAt: string | Date }>(
      result,
    ).map((r) => ({ ...r, dueAt: new Date(r.dueAt) }));
    for (const notice of claimed) await queueJob(ctx, tx, "tasks.send-notice", { noticeId: notice.id });
    return claimed;
  });
}

/** Marks a notice sent; returns false when it was sent already (a job run twice sends once). */
export async function markTaskNoticeSent(ctx: CoreContext, noticeId: string): Promise<boolean> {
  const rows = await ctx.db
    .update(taskNotices)
    .set({ sentAt: ctx.clock.now() })
    .where(and(eq(taskNotices.id, noticeId), sql`${taskNotices.sentAt} is null`))
    .returning({ id: taskNotices.id });
  return rows.length > 0;
}

export async function getTaskNotice(ctx: CoreContext, noticeId: string) {
  const [notice] = await ctx.db.select().from(taskNotices).where(eq(taskNotices.id, noticeId));
  return notice ?? null;
}
