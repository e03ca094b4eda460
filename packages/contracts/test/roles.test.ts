import { describe, expect, it } from "vitest";
import { adminRole, roleReaches } from "../src/common.ts";

describe("roleReaches", () => {
  it("orders owner, admin and operator as a ladder", () => {
    expect(roleReaches("owner", "admin")).toBe(true);
    expect(roleReaches("admin", "operator")).toBe(true);
    expect(roleReaches("operator", "admin")).toBe(false);
    expect(roleReaches("admin", "owner")).toBe(false);
  });

  it("lets a desk role reach only its own desk, and operators reach every desk", () => {
    expect(roleReaches("reviewer", "reviewer")).toBe(true);
    expect(roleReaches("reviewer", "assistant")).toBe(false);
    expect(roleReaches("assistant", "reviewer")).toBe(false);
    expect(roleReaches("assistant", "operator")).toBe(false);
    for (const role of ["operator", "admin", "owner"] as const) {
      expect(roleReaches(role, "reviewer")).toBe(true);
      expect(roleReaches(role, "assistant")).toBe(true);
    }
  });

  it("knows every role", () => {
    for (const role of adminRole.options) expect(roleReaches(role, role)).toBe(true);
  });
});
