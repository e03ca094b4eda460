import { z } from "zod";

/**
 * The editor's URL: which bot, which language, the search in the key list and the text open in the
 * editor. A bad hand-edited value falls back to the default (the first bot, English, nothing open).
 */
export const textsSearch = z.object({
  bot_id: z.uuid().optional().catch(undefined),
  lang: z.enum(["en", "ru"]).optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
  key: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .optional()
    .catch(undefined),
});

export type TextsSearch = z.output<typeof textsSearch>;
