import { cliActor, createAdmin } from "@lumen/core";
import type { AdminRole } from "@lumen/db";
import type { TestApp } from "./test-app.ts";

export type Sessions = Record<AdminRole, string>;

/** One signed-in operator of each role, as a cookie header for app.inject. */
export async function signInEveryRole(t: TestApp): Promise<Sessions> {
  const core = t.core;
  const sessions = {} as Sessions;
  for (const role of ["owner", "admin", "operator"] as const) {
    const email = `${role}@example.com`;
    const password = `${role} password 123`;
    await createAdmin(core, cliActor, { email, password, role });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email, password },
    });
    const cookie = res.cookies.find((c) => c.name === "lumen_session");
    if (!cookie) throw new Error(`could not sign in as ${role}: ${res.body}`);
    sessions[role] = `lumen_session=${cookie.value}`;
  }
  return sessions;
}

/** Walks a cursor-paged list to its end and returns every item, with the number of pages. */
export async function readAllPages<T = Record<string, unknown>>(
  t: TestApp,
  cookie: string,
  url: string,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes("?") ? "&" : "?";
    const res = await t.app.inject({
      url: cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url,
      headers: { cookie },
    });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    const body = res.json() as { items: T[]; next_cursor: string | null };
    items.push(...body.items);
    cursor = body.next_cursor;
    pages += 1;
    if (pages > 1000) throw new Error("the list does not end");
  } while (cursor);
  return { items, pages };
}
