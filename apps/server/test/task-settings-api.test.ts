import type { TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotTestApp } from "./support/bot-test-app.ts";
import type { TestApp } from "./support/test-app.ts";

/** PUT /api/v1/bots/:id/task-settings: a field left out keeps what was saved. */
let tg: TelegramEmulator;
let t: TestApp;
let botId: string;
let key: string;

beforeAll(async () => {
  ({ tg, t, botId, key } = await createBotTestApp({ username: "settings_tasks_bot", firstName: "Settings" }));
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

const put = (payload: object) =>
  t.app.inject({
    method: "PUT",
    url: `/api/v1/bots/${botId}/task-settings`,
    headers: { "x-auth-key": key },
    payload,
  });

describe("a bot's task settings", () => {
  it("keeps the alert minutes when only the work chat changes, and the chat when only the alerts do", async () => {
    const first = await put({ work_chat_id: -100_1, untaken_alert_minutes: 15, reminder_minutes_before: 90 });
    expect(first.statusCode).toBe(200);
    const chatOnly = await put({ work_chat_id: -100_2 });
    expect(chatOnly.json()).toEqual({
      bot_id: botId,
      work_chat_id: -100_2,
      untaken_alert_minutes: 15,
      reminder_minutes_before: 90,
      timezone: "UTC",
    });
    const alertsOnly = await put({ untaken_alert_minutes: 30 });
    expect(alertsOnly.json()).toMatchObject({
      work_chat_id: -100_2,
      untaken_alert_minutes: 30,
      reminder_minutes_before: 90,
    });
    const cleared = await put({ work_chat_id: null });
    expect(cleared.json()).toMatchObject({ work_chat_id: null, untaken_alert_minutes: 30 });
    const got = await t.app.inject({
      method: "GET",
      url: `/api/v1/bots/${botId}/task-settings`,
      headers: { "x-auth-key": key },
    });
    expect(got.json()).toEqual(cleared.json());
  });

  it("names a bad field, and sets the deadlines zone without touching the rest", async () => {
    const bad = await put({ reminder_minutes_before: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("body.reminder_minutes_before");
    const zone = await put({ timezone: "Mars/Olympus" });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error.field).toBe("timezone");
    const moscow = await put({ timezone: "Europe/Moscow" });
    expect(moscow.json()).toMatchObject({ timezone: "Europe/Moscow", untaken_alert_minutes: 30 });
  });
});
