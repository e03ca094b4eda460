import { checkOverride, compileOverrides, type OverrideProblem } from "@lumen/locales";
import { requireRole } from "../auth/roles.ts";
import type { Actor } from "../shared/context.ts";
import { defaultMessageOf } from "./text-keys.ts";

/**
 * What a user would read if the operator saved this text now, with the same checks saving makes,
 * so the editor shows problems and the result while typing. A sample value that looks like a
 * number is passed as one, so plural variants ("1 day" / "5 days") can be tried.
 */
export function previewBotText(
  actor: Actor,
  input: { locale: string; key: string; source: string; args?: Record<string, string | number> | undefined },
): { text: string | null; problems: OverrideProblem[] } {
  requireRole(actor, "operator");
  const { locale, variables } = defaultMessageOf(input.locale, input.key);
  const problems = checkOverride(input.source, variables);
  if (problems.length) return { text: null, problems };
  const bundle = compileOverrides(locale, [{ key: input.key, text: input.source }]);
  const message = bundle.getMessage(input.key);
  if (!message?.value) return { text: null, problems: [{ line: 1, message: "The text is empty" }] };
  const args = Object.fromEntries(
    Object.entries(input.args ?? {}).map(([name, value]) => [
      name,
      typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value,
    ]),
  );
  // A variable without a sample shows as {$name}: the errors that reports are expected here.
  const text = bundle.formatPattern(message.value, args, []);
  return { text, problems: [] };
}
