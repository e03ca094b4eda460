import { users } from "@lumen/db";
import { eq } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { notFound, validationFailed } from "../shared/errors.ts";

const supported = new Set(["en", "ru"]);

/** The user's own choice wins over the language their Telegram app is set to. */
export async function setUserLocale(
  ctx: CoreContext,
  input: { userId: string; locale: string },
): Promise<void> {
  if (!supported.has(input.locale)) throw validationFailed("locale", `Unsupported locale ${input.locale}`);
  const updated = await ctx.db
    .update(users)
    .set({ locale: input.locale, updatedAt: ctx.clock.now() })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id });
  if (!updated.length) throw notFound("User", input.userId);
}
