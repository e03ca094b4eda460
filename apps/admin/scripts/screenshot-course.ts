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
 * A day of the course: the lessons due are delivered, and the students who got a homework answer it
 * (all but every third, who lets it lie).
 */
export async function teachDay(panel: Panel, api: Api, students: User[], since: number): Promise<void> {
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

/** The team reviews all but the newest two homework answers (one of them sent back to redo). */
export async function reviewHomework(api: Api): Promise<void> {
  const queued = (await api("GET", "/api/v1/submissions?status=queued")).items as Array<{ id: string }>;
  for (const [i, submission] of queued.slice(0, -2).entries()) {
    await api("POST", `/api/v1/submissions/${submission.id}/claim`);
    await api("POST", `/api/v1/submissions/${submission.id}/review`, {
      verdict: i === 1 ? "redo" : "accepted",
      grade: i === 1 ? null : 7 + (i % 4),
      feedback:
        i === 1
          ? "Close: now give it the reader too, not only the role."
          : "Good brief. Next time say how long the answer should be.",
    });
    await api("POST", "/api/v1/test/clock", { advance_ms: 47 * 60_000 });
  }
}
