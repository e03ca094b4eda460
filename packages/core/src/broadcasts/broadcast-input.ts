import { broadcastSegments, buttonKinds, mediaKinds } from "@lumen/db";
import { z } from "zod";
import { isLumenError, LumenError } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";

/** Languages the bots speak; a text in another language would never be chosen. */
export const broadcastLanguages = ["en", "ru"] as const;

const language = z.enum(broadcastLanguages);

const button = z
  .object({
    kind: z.enum(buttonKinds),
    label: z.partialRecord(language, z.string().trim().min(1).max(64)),
    url: z
      .url({ protocol: /^https?$/ })
      .max(512)
      .optional(),
    productId: z.uuid().optional(),
  })
  .superRefine((b, ctx) => {
    if (Object.keys(b.label).length === 0)
      ctx.addIssue({ code: "custom", path: ["label"], message: "needs a label" });
    if (b.kind === "url" && !b.url)
      ctx.addIssue({ code: "custom", path: ["url"], message: "a URL button needs its URL" });
    if (b.kind === "product" && !b.productId)
      ctx.addIssue({ code: "custom", path: ["productId"], message: "a product button names its product" });
  });

export const broadcastContentInput = z
  .object({
    texts: z.partialRecord(language, z.string().trim().min(1).max(4096)),
    fallbackLanguage: language.default("en"),
    media: z.object({ kind: z.enum(mediaKinds), file: z.string().trim().min(1).max(512) }).optional(),
    buttons: z.array(button).max(8).default([]),
  })
  .superRefine((c, ctx) => {
    if (!c.texts[c.fallbackLanguage])
      ctx.addIssue({
        code: "custom",
        path: ["texts", c.fallbackLanguage],
        message: "the fallback language needs a text",
      });
    if (c.media)
      for (const [lang, text] of Object.entries(c.texts))
        if (text && text.length > 1024)
          ctx.addIssue({
            code: "custom",
            path: ["texts", lang],
            message: "a caption under media is at most 1024 characters",
          });
  });

export const segmentInput = z.object({
  segment: z.enum(broadcastSegments),
  segmentParams: z
    .object({
      language: language.optional(),
      productId: z.uuid().optional(),
      days: z.number().int().min(1).max(3650).optional(),
      listId: z.uuid().optional(),
      courseCode: z.string().trim().min(1).max(64).optional(),
    })
    .default({}),
});

/** The parameter each segment needs, checked once for counting, saving and sending alike. */
export function segmentProblem(
  segment: z.output<typeof segmentInput>,
): { field: string; message: string } | null {
  const p = segment.segmentParams;
  if (segment.segment === "language" && !p.language)
    return { field: "segment_params.language", message: "choose the language" };
  if ((segment.segment === "plan_ending" || segment.segment === "inactive") && !p.days)
    return { field: "segment_params.days", message: "say how many days" };
  if (segment.segment === "list" && !p.listId)
    return { field: "segment_params.list_id", message: "choose a saved list" };
  return null;
}

export const broadcastInput = segmentInput.extend({
  botId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  content: broadcastContentInput,
  ratePerSecond: z.number().int().min(1).max(1000).default(25),
  allowPaidBroadcast: z.boolean().default(false),
});

export type BroadcastInput = z.input<typeof broadcastInput>;

const snake = (path: string) => path.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** parseInput naming the field as the HTTP API spells it (snake_case), since these inputs are nested. */
export function parseBroadcastInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  try {
    return parseInput(schema, input);
  } catch (error) {
    if (!isLumenError(error) || typeof error.details.field !== "string") throw error;
    const field = snake(error.details.field);
    throw new LumenError(error.code, error.message.replace(error.details.field, field), {
      ...error.details,
      field,
    });
  }
}
