import { describe, expect, it } from "vitest";
import { parseDeepLink, startPayloadOf } from "../src/bot/deep-link.ts";

describe("deep links", () => {
  it("recognises referral, login and product payloads", () => {
    expect(parseDeepLink("ref_abc123")).toEqual({ kind: "referral", code: "abc123" });
    expect(parseDeepLink("login_XyZ-9")).toEqual({ kind: "login", code: "XyZ-9" });
    expect(parseDeepLink("p_0f3c")).toEqual({ kind: "product", productId: "0f3c" });
    expect(parseDeepLink("media_Ab3xY9")).toEqual({ kind: "lessonMedia", token: "Ab3xY9" });
    expect(parseDeepLink("media_a-b")).toEqual({ kind: "unknown", payload: "media_a-b" });
    expect(parseDeepLink("something")).toEqual({ kind: "unknown", payload: "something" });
    expect(parseDeepLink("")).toBeNull();
    expect(parseDeepLink(undefined)).toBeNull();
  });

  it("takes the payload from /start messages only", () => {
    expect(startPayloadOf("/start ref_a")).toBe("ref_a");
    expect(startPayloadOf("/start@lumen_bot ref_a")).toBe("ref_a");
    expect(startPayloadOf("/start")).toBeNull();
    expect(startPayloadOf("/help ref_a")).toBeNull();
  });
});

import { createLimiter } from "../src/bot/throttle.ts";

describe("throttle limiter", () => {
  it("lets a burst through, then spaces calls at the rate, per key", () => {
    const limit = createLimiter(1, 3);
    const waits = [0, 0, 0, 0, 0].map(() => limit("chat-1", 10_000));
    expect(waits).toEqual([0, 0, 0, 1000, 2000]);
    expect(limit("chat-2", 10_000)).toBe(0);
  });

  it("recovers its allowance as time passes", () => {
    const limit = createLimiter(2, 1);
    expect(limit("a", 0)).toBe(0);
    expect(limit("a", 0)).toBe(500);
    expect(limit("a", 5_000)).toBe(0);
  });
});
