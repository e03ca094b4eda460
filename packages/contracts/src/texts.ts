import { z } from "zod";
import { timestamp } from "./common.ts";

export const textLocale = z.enum(["en", "ru"]);

/**
 * The texts operators edit most, shown first in the editor: the main menu's greetings and /help.
 * (The start-greeting goes to a first visit, the welcome-back to every later /start.)
 */
export const pinnedTextKeys = ["start-greeting", "start-welcome-back", "menu-title", "help-text"] as const;

/** The texts /start sends: the welcome picture goes with them (a photo with the text as caption). */
export const welcomeTextKeys: readonly string[] = ["start-greeting", "start-welcome-back"];

export const botTextVersion = z.object({
  default: z.string().describe("The text from the Fluent files, in Fluent pattern syntax"),
  override: z.string().nullable().describe("This bot's own wording; null: the default is used"),
  updated_at: timestamp.nullable(),
});

export const botTextEntry = z.object({
  key: z.string(),
  variables: z.array(z.string()).describe("The variables ($name) the bot passes to this text"),
  texts: z.object({ en: botTextVersion, ru: botTextVersion }),
});

export const botTextsResponse = z
  .object({
    screens: z.array(
      z.object({
        file: z.string().describe("The screen (Fluent file) the texts belong to"),
        entries: z.array(botTextEntry),
      }),
    ),
    welcome_images: z
      .record(textLocale, z.string().nullable())
      .describe("The picture above the main menu per language (URL or Telegram file_id); null: none"),
  })
  .meta({ id: "BotTexts" });

export const welcomeImageParams = z.object({ id: z.uuid(), locale: textLocale });

export const welcomeImageRequest = z.object({
  photo: z
    .string()
    .max(1024)
    .describe("An http(s) address of the picture, or the file_id of a photo the bot has already sent"),
});

export const welcomeImageSaved = z.object({ locale: textLocale, photo: z.string(), updated_at: timestamp });

export const botTextParams = z.object({
  id: z.uuid(),
  locale: textLocale,
  key: z.string().regex(/^[a-z][a-z0-9-]*$/, "is not a text key"),
});

export const botTextRequest = z.object({
  source: z
    .string()
    .max(4096)
    .describe("The text in Fluent pattern syntax: `{ $name }` inserts a variable; several lines allowed"),
});

export const botTextSaved = z.object({
  key: z.string(),
  locale: textLocale,
  source: z.string(),
  updated_at: timestamp,
});

export const botTextPreviewRequest = botTextRequest.extend({
  args: z
    .record(z.string(), z.union([z.string().max(200), z.number()]))
    .optional()
    .describe("Sample values of the variables; a missing one is shown as its name"),
});

export const textProblem = z.object({ line: z.number().int(), message: z.string() });

export const botTextPreview = z.object({
  text: z
    .string()
    .nullable()
    .describe("The message as the user would read it; null when the text has problems"),
  problems: z.array(textProblem),
});
