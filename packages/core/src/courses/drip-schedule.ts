import { addDays, localDateOf, zonedHour } from "./zoned-time.ts";

export type DripState = {
  /** Day 1 is due at this instant; day N counts from its local date. */
  startsAt: Date;
  timezone: string;
  deliveryHour: number;
  /** The last lesson position delivered (0: none yet). */
  currentDay: number;
  lastDeliveredAt: Date | null;
  lessonCount: number;
  /** The last delivered lesson asks for homework the student has not handed in. */
  waitingForHomework: boolean;
};

export type DripNext = { day: number; dueAt: Date };

/**
 * When the next lesson is due, or null when nothing more is (the course is over, or required
 * homework holds it). Day N is due at start + (N−1) days at the student's hour in their zone
 * (so DST moves the UTC instant, not the local hour), but lessons are never skipped: only the
 * lesson after the last delivered one is ever due, and never twice on one local day — a
 * student back after a week gets the next lesson now and the one after it tomorrow.
 */
export function nextLessonDue(state: DripState): DripNext | null {
  if (state.currentDay >= state.lessonCount) return null;
  if (state.waitingForHomework) return null;
  const day = state.currentDay + 1;
  if (day === 1) return { day, dueAt: state.startsAt };
  const startDate = localDateOf(state.startsAt, state.timezone);
  let dueAt = zonedHour(addDays(startDate, day - 1), state.deliveryHour, state.timezone);
  if (state.lastDeliveredAt) {
    const nextSlot = zonedHour(
      addDays(localDateOf(state.lastDeliveredAt, state.timezone), 1),
      state.deliveryHour,
      state.timezone,
    );
    if (nextSlot > dueAt) dueAt = nextSlot;
  }
  return { day, dueAt };
}
