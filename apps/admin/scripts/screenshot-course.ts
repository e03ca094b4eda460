// The course of the demo shop of `npm run screenshots`: five lessons taught by the shop's bot, the
// students who buy it (screenshot-people.ts) getting a lesson a day, answering the homework by
// replying in the bot, and the team reviewing most of it, so the course's pages have something to show.
import type { ApiCall } from "@lumen/testkit";
import type { User } from "grammy/types";
import type { Panel } from "../test/support/panel.ts";
import type { Api } from "./screenshot-operator-work.ts";

const lessons = [
  { title: "What a prompt is", text: "A prompt is a brief: <b>who</b>, <b>what</b>, <b>for whom</b>." },
  {
    title: "Roles and context",
    text: "Tell the model who it is and what it knows.",
    homework_prompt: "Rewrite a prompt of yours with a role and two lines of context",
  },
  {
    title: "Examples beat rules",
    text: "Show one good answer and one bad one.",
    quiz: {
      question: "What helps the model most?",
      options: ["A longer rule", "An example"],
      answer: 1,
    },
  },
  {
    title: "Asking for a format",
    text: "Tables, lists, JSON: say which, and show its first line.",
    homework_prompt: "Ask for a table of three columns and send me what came back",
  },
  { title: "Putting it together", text: "One brief, start to finish." },
];

const answers = [
  "You are a florist with ten years in Moscow; write to a bride who wants peonies in October.",
  "Here is the table: dish, price, calories. The third column came back empty the first time.",
  "I gave it the role of an editor and two lines about our readers; it stopped being so formal.",
];

/** Creates the course the "Prompting course" product sells, before anyone buys it. */
export async function createCourse(api: Api): Promise<string> {
  const course = await api("POST", "/api/v1/courses", {
    code: "prompting",
    title: "Prompting in five days",
    description: "A lesson a day on writing prompts that work, with homework reviewed by the team.",
    status: "published",
  });
  for (const lesson of lessons) await api("POST", `/api/v1/courses/${course.id}/lessons`, lesson);
  return course.id as string;
}

/**
 * Rita, a reviewer, over HTTP: homework is taken and reviewed by a person, never by a key. She
 * signs in again when the moved clock has ended her session.
 */
export async function signInReviewer(panel: Panel, api: Api): Promise<Api> {
  const rita = await api("POST", "/api/v1/operators", { email: "rita@example.com", role: "reviewer" });
  let cookie = "";
  const signIn = async () => {
    const login = await fetch(`${panel.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "rita@example.com", password: rita.temporary_password }),
    });
    cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  };
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${panel.url}${path}`, {
      method,
      headers: {
        cookie,
        origin: panel.url,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return async (method, path, body) => {
    let res = await call(method, path, body);
    if (res.status === 401) {
      await signIn();
      res = await call(method, path, body);
    }
    if (res.status >= 400) console.warn(`${method} ${path} as Rita: ${res.status} ${await res.text()}`);
    return res.headers.get("content-type")?.includes("json") ? res.json() : undefined;
  };
}

/**
 * A day of the course: Rita reviews the homework handed in the day before (one answer in four is
 * sent back to redo) unless she is away (the last days, so the queue has something in it), the
 * lessons due are delivered, and the students who got a homework answer it (all but every third,
 * who lets it lie).
 */
export async function teachDay(
  panel: Panel,
  api: Api,
  rita: Api | null,
  students: User[],
  since: number,
): Promise<void> {
  if (rita) await reviewHomework(rita);
  await api("POST", "/api/v1/test/jobs/courses.deliver-lessons/run");
  await panel.tg.waitUntilHandled(panel.bot);
  const prompts = lessons.flatMap((l) => (l.homework_prompt ? [l.homework_prompt] : []));
  const lessonsSent = panel.tg.calls
    .slice(since)
    .filter(
      (c: ApiCall) => c.method === "sendMessage" && prompts.some((p) => String(c.params.text).includes(p)),
    );
  for (const [i, student] of students.entries()) {
    if (i % 3 === 2) continue;
    const lesson = lessonsSent.find((c) => c.params.chat_id === student.id);
    if (!lesson) continue;
    const messageId = (lesson.response as { result?: { message_id?: number } }).result?.message_id;
    if (messageId === undefined) continue;
    await panel.tg.sendText(panel.bot, student, answers[(i + messageId) % answers.length] as string, {
      replyTo: messageId,
    });
  }
  await panel.tg.waitUntilHandled(panel.bot);
}

let reviewed = 0;

/** Rita takes and reviews what waits in the queue. */
async function reviewHomework(rita: Api): Promise<void> {
  const queued = ((await rita("GET", "/api/v1/submissions?status=queued"))?.items ?? []) as Array<{
    id: string;
  }>;
  for (const submission of queued) {
    const redo = reviewed++ % 4 === 1;
    await rita("POST", `/api/v1/submissions/${submission.id}/claim`);
    await rita("POST", `/api/v1/submissions/${submission.id}/review`, {
      verdict: redo ? "redo" : "accepted",
      grade: redo ? null : 7 + (reviewed % 4),
      feedback: redo
        ? "Close: now give it the reader too, not only the role."
        : "Good brief. Next time say how long the answer should be.",
    });
  }
}
