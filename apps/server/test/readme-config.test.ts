import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configSchema } from "../src/config.ts";
import { repoRoot } from "./support/lumen-process.ts";

/** The variable names in the first column of the README's configuration table. */
function readmeVariables(): string[] {
  const readme = readFileSync(`${repoRoot}README.md`, "utf8");
  const section = readme.split("\n## Configuration")[1]?.split("\n## ")[0] ?? "";
  return [...section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((m) => m[1] as string);
}

describe("README configuration table", () => {
  it("lists exactly the variables the config schema reads, each once", () => {
    const documented = readmeVariables();
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual(Object.keys(configSchema.shape).sort());
  });
});
