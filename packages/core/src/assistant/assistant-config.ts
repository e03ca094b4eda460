/** How the assistant is offered; built from the environment in the server, by hand in tests. */
export type AssistantConfig = {
  trialMessages: number;
  /** null = the trial does not expire by time. */
  trialDays: number | null;
  /** Allowed models and what one question costs in credits on each. */
  models: Array<{ id: string; price: number }>;
  defaultModel: string;
  /** How many earlier question/answer pairs go with each question. */
  contextTurns: number;
  /** A pending question older than this is assumed lost (crash) and its charge is returned. */
  reservationTimeoutMs: number;
};

export const answerStyles = ["balanced", "concise", "detailed", "friendly"] as const;
export type AnswerStyle = (typeof answerStyles)[number];

const stylePrompts: Record<AnswerStyle, string> = {
  balanced: "You are a helpful assistant in a Telegram chat. Answer clearly and accurately.",
  concise: "You are a helpful assistant in a Telegram chat. Answer as briefly as the question allows.",
  detailed:
    "You are a helpful assistant in a Telegram chat. Answer thoroughly, with steps and examples where useful.",
  friendly: "You are a warm, friendly assistant in a Telegram chat. Answer helpfully in a relaxed tone.",
};

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

/** Prompts made so far, by style and language: every question needs one, and there are few. */
const promptCache = new Map<string, string>();

/** The system prompt: the chosen style, and the user's language unless they write in another. */
export function systemPromptFor(style: string | null, languageCode: string | null): string {
  const cacheKey = `${style ?? ""}|${languageCode ?? ""}`;
  const cached = promptCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const code = languageCode?.split("-")[0] || "en";
  let languageName = "English";
  try {
    languageName = languageNames.of(code) ?? languageName;
  } catch {
    // Not a language code Intl knows; keep English.
  }
  const base =
    stylePrompts[
      (answerStyles as readonly string[]).includes(style ?? "") ? (style as AnswerStyle) : "balanced"
    ];
  const prompt = `${base} Use Telegram-friendly Markdown (bold, italic, code). Reply in ${languageName} unless the user writes in another language.`;
  // Styles and language codes come from stored settings and Telegram; the bound keeps a flood of odd codes harmless.
  if (promptCache.size < 1000) promptCache.set(cacheKey, prompt);
  return prompt;
}

export function priceOf(config: AssistantConfig, model: string): number {
  return config.models.find((m) => m.id === model)?.price ?? 1;
}

/** Parses AI_MODELS ("gpt-4o-mini:1,gpt-4o:5"); a model without a price costs 1 credit. */
export function parseModelList(value: string | undefined, defaultModel: string): AssistantConfig["models"] {
  const models = (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id = "", price = "1"] = part.split(":");
      const cost = Number(price);
      if (!id || !Number.isInteger(cost) || cost < 1)
        throw new Error(`AI_MODELS: "${part}" is not model:price with a whole price >= 1`);
      return { id, price: cost };
    });
  if (!models.some((m) => m.id === defaultModel)) models.unshift({ id: defaultModel, price: 1 });
  return models;
}
