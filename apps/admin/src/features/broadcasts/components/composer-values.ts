import type { BroadcastRequest, BroadcastRow } from "../api/broadcasts-api.ts";

/** The composer's flat form; mapped to the API's nested body when saved. */
export type ComposerValues = {
  bot_id: string;
  title: string;
  segment: BroadcastRequest["segment"];
  language: "en" | "ru";
  product_id: string;
  days: string;
  list_id: string;
  course_code: string;
  text_en: string;
  text_ru: string;
  fallback_language: "en" | "ru";
  media_kind: "" | "photo" | "video" | "document";
  media_file: string;
  buttons: Array<{
    kind: "url" | "mini_app" | "product" | "trial";
    label_en: string;
    label_ru: string;
    url: string;
    product_id: string;
  }>;
  rate_per_second: string;
  allow_paid_broadcast: boolean;
};

export const blankComposer = (botId: string): ComposerValues => ({
  bot_id: botId,
  title: "",
  segment: "everyone",
  language: "en",
  product_id: "",
  days: "7",
  list_id: "",
  course_code: "",
  text_en: "",
  text_ru: "",
  fallback_language: "en",
  media_kind: "",
  media_file: "",
  buttons: [],
  rate_per_second: "25",
  allow_paid_broadcast: false,
});

export function composerOf(b: BroadcastRow): ComposerValues {
  const p = b.segment_params;
  return {
    bot_id: b.bot_id,
    title: b.title,
    segment: b.segment,
    language: p.language === "ru" ? "ru" : "en",
    product_id: p.product_id ?? "",
    days: p.days ? String(p.days) : "7",
    list_id: p.list_id ?? "",
    course_code: p.course_code ?? "",
    text_en: b.content.texts.en ?? "",
    text_ru: b.content.texts.ru ?? "",
    fallback_language: b.content.fallback_language === "ru" ? "ru" : "en",
    media_kind: b.content.media?.kind ?? "",
    media_file: b.content.media?.file ?? "",
    buttons: b.content.buttons.map((x) => ({
      kind: x.kind,
      label_en: x.label.en ?? "",
      label_ru: x.label.ru ?? "",
      url: x.url ?? "",
      product_id: x.product_id ?? "",
    })),
    rate_per_second: String(b.rate_per_second),
    allow_paid_broadcast: b.allow_paid_broadcast,
  };
}

/** The segment's parameters the API needs, and only those. */
export function segmentParamsOf(
  v: Pick<ComposerValues, "segment" | "language" | "product_id" | "days" | "list_id" | "course_code">,
) {
  switch (v.segment) {
    case "language":
      return { language: v.language };
    case "active_plan":
    case "plan_expired":
      return v.product_id ? { product_id: v.product_id } : {};
    case "plan_ending":
      return { days: Number(v.days) || 0, ...(v.product_id ? { product_id: v.product_id } : {}) };
    case "inactive":
      return { days: Number(v.days) || 0 };
    case "course":
      return v.course_code ? { course_code: v.course_code } : {};
    case "list":
      return v.list_id ? { list_id: v.list_id } : {};
    default:
      return {};
  }
}

const label = (en: string, ru: string) => ({ ...(en ? { en } : {}), ...(ru ? { ru } : {}) });

export function requestOf(v: ComposerValues): BroadcastRequest {
  return {
    bot_id: v.bot_id,
    title: v.title,
    segment: v.segment,
    segment_params: segmentParamsOf(v),
    content: {
      texts: label(v.text_en, v.text_ru),
      fallback_language: v.fallback_language,
      ...(v.media_kind && v.media_file ? { media: { kind: v.media_kind, file: v.media_file } } : {}),
      buttons: v.buttons.map((b) => ({
        kind: b.kind,
        label: label(b.label_en, b.label_ru),
        ...(b.kind === "url" ? { url: b.url } : {}),
        ...(b.kind === "product" ? { product_id: b.product_id } : {}),
      })),
    },
    rate_per_second: Number(v.rate_per_second) || 25,
    allow_paid_broadcast: v.allow_paid_broadcast,
  };
}

/** Where the server's 400 lands in this form (the API names nested fields by their path). */
export function formFieldOf(wire: string): keyof ComposerValues | null {
  const field = wire.replace(/^body\./, "");
  if (field.startsWith("content.texts.en")) return "text_en";
  if (field.startsWith("content.texts.ru")) return "text_ru";
  if (field.startsWith("content.media")) return "media_file";
  if (field.startsWith("content.buttons")) return "buttons";
  if (field === "segment_params.days") return "days";
  if (field === "segment_params.list_id") return "list_id";
  if (field === "segment_params.language") return "language";
  if (field === "segment_params.course_code") return "course_code";
  if (field.startsWith("segment_params.product_id")) return "product_id";
  if (field === "rate_per_second" || field === "allow_paid_broadcast") return "rate_per_second";
  if (field === "title" || field === "bot_id" || field === "segment") return field;
  return null;
}
