import { type SQL, sql } from "drizzle-orm";

/**
 * Whether a delivered lesson is done, in SQL over a `course_deliveries` row aliased `d`: the student
 * marked it (or answered its quiz), or handed in its homework and it was not sent back to redo.
 * One rule for the students list and the course's stats; `readProgress` applies the same rule to
 * the rows it has already loaded.
 */
export function deliveryIsDone(d: string): SQL {
  const row = sql.raw(d);
  return sql`(${row}.done_at is not null or exists (
    select 1 from course_submissions s
    where s.enrollment_id = ${row}.enrollment_id and s.lesson_id = ${row}.lesson_id and s.status <> 'redo'
  ))`;
}
