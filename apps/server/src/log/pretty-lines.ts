import { writeSync } from "node:fs";

const levels: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO ",
  40: "WARN ",
  50: "ERROR",
  60: "FATAL",
};
const colors: Record<number, string> = { 40: "\x1b[33m", 50: "\x1b[31m", 60: "\x1b[31m" };
const dim = "\x1b[2m";
const reset = "\x1b[0m";
/** pino's own fields, shown by position instead of as key=value. */
const hidden = new Set(["level", "time", "pid", "hostname", "msg"]);

const show = (value: unknown) => {
  if (typeof value === "string") return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  if (value instanceof Object && "message" in value)
    return JSON.stringify((value as { message: unknown }).message);
  return JSON.stringify(value);
};

/** One JSON log line as a person reads it: time, level, message, then the other fields. */
export function formatLogLine(line: string, color: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  const level = Number(entry.level);
  const time = new Date(Number(entry.time)).toISOString().slice(11, 19);
  const fields = Object.entries(entry)
    .filter(([key]) => !hidden.has(key))
    .map(([key, value]) => `${key}=${show(value)}`)
    .join(" ");
  const tag = levels[level] ?? String(level);
  const head = color ? `${dim}${time}${reset} ${colors[level] ?? ""}${tag}${reset}` : `${time} ${tag}`;
  const tail = fields ? (color ? ` ${dim}${fields}${reset}` : ` ${fields}`) : "";
  return `${head} ${String(entry.msg ?? "")}${tail}\n`;
}

/**
 * A pino destination writing readable lines (LOG_FORMAT=pretty, or auto on a terminal).
 * Synchronous like the JSON one, and fed the already-masked line, so secrets stay hidden.
 */
export function createPrettyDestination(fd: 1 | 2, color: boolean) {
  return {
    write(chunk: string) {
      for (const line of chunk.split("\n")) if (line) writeSync(fd, formatLogLine(line, color));
    },
  };
}
