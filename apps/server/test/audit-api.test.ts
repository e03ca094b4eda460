import { cliActor, createAdmin, createApiKey, recordAudit } from "@lumen/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app.ts";

let t: TestApp;
let ownerKey: string;
let operatorKey: string;
let ownerId: string;
const core = () => t.core;

beforeAll(async () => {
  t = await createTestApp();
  const owner = await createAdmin(core(), cliActor, {
    email: "owner@example.com",
    password: "owner password 1",
  });
  ownerId = owner.id;
  ownerKey = (await createApiKey(core(), cliActor, { name: "owner script", role: "owner" })).key;
  operatorKey = (await createApiKey(core(), cliActor, { name: "ops script", role: "operator" })).key;
  // 7 product edits by the owner, 3 refunds by the command line: 10 rows plus the ones above.
  const ownerActor = { type: "admin" as const, id: owner.id, role: "owner" as const, ip: "10.0.0.1" };
  for (let i = 0; i < 7; i++) {
    await recordAudit(t.database.db, ownerActor, {
      action: "product.update",
      entityType: "product",
      entityId: `p${i}`,
      data: { price: i },
    });
  }
  for (let i = 0; i < 3; i++) {
    await recordAudit(t.database.db, cliActor, {
      action: "order.refund",
      entityType: "order",
      entityId: `o${i}`,
    });
  }
});
afterAll(() => t.close());

const get = (query: string, key = ownerKey) =>
  t.app.inject({ url: `/api/v1/audit${query}`, headers: { "x-auth-key": key } });

describe("GET /api/v1/audit", () => {
  it("pages newest first with a cursor until next_cursor is null, never repeating a row", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      seen.push(...body.items.map((e: { id: number }) => e.id));
      cursor = body.next_cursor;
      pages++;
    } while (cursor && pages < 20);
    const all = (await get("?limit=200")).json().items.map((e: { id: number }) => e.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    expect(pages).toBe(Math.ceil(all.length / 4) + (all.length % 4 === 0 ? 1 : 0));
  });

  it("filters by action, entity and actor, and names the actor", async () => {
    const refunds = (await get("?action=order.refund")).json();
    expect(refunds.items).toHaveLength(3);
    expect(refunds.items.every((e: { actor_type: string }) => e.actor_type === "cli")).toBe(true);

    const byOwner = (await get(`?actor_type=admin&actor_id=${ownerId}&entity_type=product`)).json();
    expect(byOwner.items).toHaveLength(7);
    expect(byOwner.items[0]).toMatchObject({ actor_name: "owner@example.com", ip: "10.0.0.1" });

    const one = (await get("?entity_type=product&entity_id=p3")).json();
    expect(one.items).toHaveLength(1);
    expect(one.items[0].data).toEqual({ price: 3 });

    const filteredPage = (await get("?entity_type=product&limit=5")).json();
    expect(filteredPage.items).toHaveLength(5);
    const rest = (await get(`?entity_type=product&limit=5&cursor=${filteredPage.next_cursor}`)).json();
    expect(rest.items).toHaveLength(2);
    expect(rest.next_cursor).toBeNull();
  });

  it("offers the actors, actions and entity types as filter choices", async () => {
    const facets = (
      await t.app.inject({ url: "/api/v1/audit/facets", headers: { "x-auth-key": ownerKey } })
    ).json();
    expect(facets.actions).toEqual(expect.arrayContaining(["order.refund", "product.update"]));
    expect(facets.entity_types).toEqual(expect.arrayContaining(["order", "product"]));
    expect(facets.actors).toContainEqual({
      actor_type: "admin",
      actor_id: ownerId,
      actor_name: "owner@example.com",
    });
  });

  it("answers 400 naming the field on a bad filter or cursor", async () => {
    for (const [query, field] of [
      ["?cursor=abc", "cursor"],
      ["?actor_type=robot", "actor_type"],
      ["?action=DROP%20TABLE", "action"],
      ["?limit=0", "limit"],
    ] as const) {
      const res = await get(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
      expect(res.json().error.field).toContain(field);
    }
  });

  it("is for admins: an operator's key gets 403", async () => {
    expect((await get("", operatorKey)).statusCode).toBe(403);
    const facets = await t.app.inject({
      url: "/api/v1/audit/facets",
      headers: { "x-auth-key": operatorKey },
    });
    expect(facets.statusCode).toBe(403);
  });
});
