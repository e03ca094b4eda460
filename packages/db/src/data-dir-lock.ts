import {
  closeSync,
  constants,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { lock } from "os-lock";

export class DataDirLockedError extends Error {
  readonly pid: number | null;
  constructor(dataDir: string, pid: number | null) {
    super(
      `Another Lumen process${pid ? ` (pid ${pid})` : ""} is using the data directory ${dataDir}. ` +
        "The embedded database allows one process per directory: stop that process, or set DATA_DIR " +
        "to another directory, or use a PostgreSQL server with DATABASE_URL.",
    );
    this.name = "DataDirLockedError";
    this.pid = pid;
  }
}

export type DataDirLock = { release(): Promise<void> };

/** Directories this process holds: POSIX record locks do not conflict within one process. */
const heldHere = new Set<string>();

const isBusy = (error: unknown) =>
  ["EACCES", "EAGAIN", "EBUSY"].includes((error as { code?: string }).code ?? "");

function readHolderPid(path: string): number | null {
  const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * PGlite gives a second process on the same directory no error and loses its writes, so we
 * hold an exclusive OS lock (fcntl) on DATA_DIR/lumen.lock for the life of the process. The
 * kernel drops it when the process exits, even by kill -9, so there is no stale lock to take
 * over and no race in taking one over; the file itself is never deleted, so releasing can never
 * remove a lock another process holds. The pid inside is only for the error message.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true });
  const key = realpathSync(dataDir);
  if (heldHere.has(key)) throw new DataDirLockedError(dataDir, process.pid);
  const path = join(key, "lumen.lock");
  // Reserve before opening: closing any descriptor of the file would drop this process's lock.
  heldHere.add(key);
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o644);
    await lock(fd, { exclusive: true, immediate: true });
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    heldHere.delete(key);
    if (isBusy(error)) throw new DataDirLockedError(dataDir, readHolderPid(path));
    throw error;
  }
  const held = fd;
  ftruncateSync(held, 0);
  writeSync(held, String(process.pid), 0);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      closeSync(held);
      heldHere.delete(key);
    },
  };
}
