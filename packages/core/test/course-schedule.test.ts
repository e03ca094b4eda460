import { describe, expect, it } from "vitest";
import { type DripState, nextLessonDue } from "../src/index.ts";

const state = (over: Partial<DripState>): DripState => ({
  startsAt: new Date("2026-03-27T15:20:00Z"),
  timezone: "UTC",
  deliveryHour: 9,
  currentDay: 0,
  lastDeliveredAt: null,
  lessonCount: 10,
  waitingForHomework: false,
  ...over,
});

/** The schedule as the student's clock shows it: each day the lesson after the last. */
function deliverAll(start: DripState, days: number) {
  let s = start;
  const times: string[] = [];
  for (let i = 0; i < days; i++) {
    const next = nextLessonDue(s);
    if (!next) break;
    times.push(next.dueAt.toISOString());
    s = { ...s, currentDay: next.day, lastDeliveredAt: next.dueAt };
  }
  return times;
}

describe("the drip schedule", () => {
  it("gives day 1 at the start and day N at start + (N-1) days at the student's hour", () => {
    const s = state({ timezone: "Asia/Tokyo", deliveryHour: 8 });
    expect(deliverAll(s, 3)).toEqual([
      "2026-03-27T15:20:00.000Z",
      // 15:20 UTC is 00:20 on the 28th in Tokyo: day 2 is the 29th at 08:00 JST.
      "2026-03-28T23:00:00.000Z",
      "2026-03-29T23:00:00.000Z",
    ]);
  });

  it("keeps the local hour across DST changes (Berlin in spring, New York in autumn)", () => {
    const berlin = state({
      startsAt: new Date("2026-03-27T07:00:00Z"),
      timezone: "Europe/Berlin",
      deliveryHour: 9,
    });
    // 9:00 CET is 08:00Z; from March 29 (CEST) 9:00 is 07:00Z.
    expect(deliverAll(berlin, 4)).toEqual([
      "2026-03-27T07:00:00.000Z",
      "2026-03-28T08:00:00.000Z",
      "2026-03-29T07:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
    ]);
    const newYork = state({
      startsAt: new Date("2026-10-31T12:00:00Z"),
      timezone: "America/New_York",
      deliveryHour: 7,
    });
    expect(deliverAll(newYork, 3)).toEqual([
      "2026-10-31T12:00:00.000Z",
      "2026-11-01T12:00:00.000Z",
      "2026-11-02T12:00:00.000Z",
    ]);
    const early = state({
      startsAt: new Date("2026-10-31T12:00:00Z"),
      timezone: "America/New_York",
      deliveryHour: 1,
    });
    // 01:00 happens twice on November 1; the first (EDT) is taken; then EST.
    expect(deliverAll(early, 3).slice(1)).toEqual(["2026-11-01T05:00:00.000Z", "2026-11-02T06:00:00.000Z"]);
  });

  it("moves an hour the clocks skip to the hour after the jump", () => {
    const s = state({
      startsAt: new Date("2026-03-28T10:00:00Z"),
      timezone: "Europe/Berlin",
      deliveryHour: 2,
      currentDay: 1,
      lastDeliveredAt: new Date("2026-03-28T10:00:00Z"),
    });
    // 02:00 does not exist in Berlin on March 29: 03:00 CEST is 01:00Z.
    expect(nextLessonDue(s)?.dueAt.toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it("never skips: a student back after a week gets the next lesson, then one a day", () => {
    const s = state({
      startsAt: new Date("2026-01-01T09:00:00Z"),
      currentDay: 2,
      lastDeliveredAt: new Date("2026-01-02T09:00:00Z"),
    });
    const next = nextLessonDue(s);
    expect(next).toEqual({ day: 3, dueAt: new Date("2026-01-03T09:00:00Z") });
    // Delivered only on the 10th (the student had blocked the bot): day 4 waits for the 11th.
    const after = nextLessonDue({ ...s, currentDay: 3, lastDeliveredAt: new Date("2026-01-10T18:00:00Z") });
    expect(after).toEqual({ day: 4, dueAt: new Date("2026-01-11T09:00:00Z") });
  });

  it("holds the next lesson while required homework is missing, and ends after the last", () => {
    expect(nextLessonDue(state({ currentDay: 1, waitingForHomework: true }))).toBeNull();
    expect(nextLessonDue(state({ currentDay: 10 }))).toBeNull();
    // Handed in late: the next lesson is due at once (its day has passed).
    const late = nextLessonDue(
      state({
        startsAt: new Date("2026-01-01T09:00:00Z"),
        currentDay: 1,
        lastDeliveredAt: new Date("2026-01-01T09:00:00Z"),
      }),
    );
    expect(late?.dueAt.toISOString()).toBe("2026-01-02T09:00:00.000Z");
  });
});
