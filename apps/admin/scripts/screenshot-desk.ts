// The team's desk in the demo shop of `npm run screenshots`, at the end of its month: club members'
// tasks in every state, worked by an assistant over a few hours of the server's clock (so the
// statistics have times to show), and two broadcasts: one sent to everyone, one a draft.
import type { Panel } from "../test/support/panel.ts";
import type { Api } from "./screenshot-operator-work.ts";

const HOUR = 3_600_000;

type Step = { take?: true; ask?: string; done?: string; after: number };

const tasks: Array<{ username: string; text: string; steps: Step[] }> = [
  {
    username: "anna_sm",
    text: "Book a table for four on Friday near the office, somewhere quiet",
    steps: [
      { take: true, after: 0.2 },
      { ask: "Which cuisine would you like, and is 19:00 good?", after: 0.3 },
      { done: "Booked Da Mario, Friday 19:00, a table by the window for four.", after: 1.2 },
    ],
  },
  {
    username: "sofiar",
    text: "Find three venues for a 30-person workshop in June, with a projector",
    steps: [
      { take: true, after: 0.6 },
      { done: "Three venues with prices and photos are in the attached list.", after: 5 },
    ],
  },
  {
    username: "polina_z",
    text: "Подобрать подарок коллеге на юбилей, бюджет 5000 ₽",
    steps: [
      { take: true, after: 0.4 },
      { ask: "Что коллега любит: книги, гаджеты, впечатления?", after: 0.2 },
    ],
  },
  {
    username: "anna_sm",
    text: "Renew my passport appointment for next month",
    steps: [{ take: true, after: 1.5 }],
  },
  { username: "polina_z", text: "Translate my CV into English by Monday", steps: [] },
];

/** Club members' tasks (the club plan gives five a month), worked by the assistant Kate. */
export async function seedTasks(api: Api): Promise<string | undefined> {
  await api("PUT", "/api/v1/task-plans/club", { tasks_per_period: 5 });
  const kate = await api("POST", "/api/v1/operators", { email: "kate@example.com", role: "assistant" });
  const users = (await api("GET", "/api/v1/users?limit=50")).items as Array<{
    id: string;
    username: string | null;
  }>;
  let first: string | undefined;
  for (const [i, task] of tasks.entries()) {
    const created = await api("POST", "/api/v1/tasks", {
      user_id: users.find((u) => u.username === task.username)?.id,
      text: task.text,
      idempotency_key: `seed-task-${i}`,
    });
    if (!created?.id) continue;
    first ??= created.id as string;
    for (const step of task.steps) {
      await api("POST", "/api/v1/test/clock", { advance_ms: Math.round(step.after * HOUR) });
      const at = `/api/v1/tasks/${created.id}`;
      if (step.take) await api("POST", `${at}/take`, { assignee_id: kate?.operator?.id });
      if (step.ask) await api("POST", `${at}/messages`, { text: step.ask, ask: true });
      if (step.done) await api("POST", `${at}/done`, { result: step.done });
    }
  }
  return first;
}

/** A broadcast sent to everyone (waited for until done) and a draft for the trial users. */
export async function seedBroadcasts(panel: Panel, api: Api): Promise<string | undefined> {
  const bots = (await api("GET", "/api/v1/bots")).items as Array<{ id: string; username: string }>;
  const botId = bots.find((b) => b.username === panel.bot.username)?.id;
  const sent = await api("POST", "/api/v1/broadcasts", {
    bot_id: botId,
    title: "Spring sale",
    segment: "everyone",
    content: {
      texts: {
        en: "{first_name}, spring sale: 20% off every pack with <b>SPRING20</b> until Sunday.",
        ru: "{first_name}, весенняя распродажа: −20% на все пакеты с кодом <b>SPRING20</b> до воскресенья.",
      },
      fallback_language: "en",
      buttons: [],
    },
  });
  if (!sent?.id) return undefined;
  await api("POST", `/api/v1/broadcasts/${sent.id}/schedule`, {});
  for (let i = 0; i < 60; i++) {
    if ((await api("GET", `/api/v1/broadcasts/${sent.id}/report`)).status === "done") break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await api("POST", "/api/v1/broadcasts", {
    bot_id: botId,
    title: "Trial ends: a plan for you",
    segment: "trial",
    content: {
      texts: { en: "{first_name}, your free answers run out soon: the club gives 300 a month." },
      fallback_language: "en",
      buttons: [],
    },
  });
  return sent.id as string;
}
