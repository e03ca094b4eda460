import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "../src/data-dir-lock.ts";

const lockModule = fileURLToPath(new URL("../src/data-dir-lock.ts", import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "lumen-lock-"));
  dirs.push(dir);
  return dir;
}

/** Another process that takes the lock and holds it until killed; resolves once it holds it. */
async function holdInAnotherProcess(dir: string): Promise<ChildProcess> {
  const script = `
    const { lockDataDir } = await import(${JSON.stringify(lockModule)});
    try { await lockDataDir(process.argv[1]); console.log("locked"); }
    catch (e) { console.log(e.name); }
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script, dir], { stdio: "pipe" });
  children.push(child);
  const first = await new Promise<string>((resolve, reject) => {
    child.stdout?.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });
  if (first !== "locked") throw new Error(`holder could not lock: ${first}`);
  return child;
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

describe("the data directory lock", () => {
  it("refuses a second process while the first holds it, naming the holder", async () => {
    const dir = tempDir();
    const holder = await holdInAnotherProcess(dir);
    const error = await lockDataDir(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).pid).toBe(holder.pid);
  });

  it("is free again once the holder is killed with SIGKILL (no stale lock to take over)", async () => {
    const dir = tempDir();
    const holder = await holdInAnotherProcess(dir);
    await killed(holder);
    const lock = await lockDataDir(dir);
    expect(readFileSync(join(dir, "lumen.lock"), "utf8")).toBe(String(process.pid));
    await lock.release();
  });

  it("refuses a second lock in the same process", async () => {
    const dir = tempDir();
    const lock = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await lock.release();
    const again = await lockDataDir(dir);
    await again.release();
  });

  it("never releases a lock another process took after us", async () => {
    const dir = tempDir();
    const mine = await lockDataDir(dir);
    await mine.release();
    const holder = await holdInAnotherProcess(dir);
    // A second release of our old lock (a shutdown path running twice) must not free theirs.
    await mine.release();
    await expect(lockDataDir(dir)).rejects.toMatchObject({ pid: holder.pid });
  });
});
