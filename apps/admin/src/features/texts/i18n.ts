import { useFeatureT } from "../../lib/i18n.ts";
import type en from "./locales/en.ts";

/** The bot texts editor's typed translator: keys come from ./locales/en.ts. */
export const useTextsT = () => useFeatureT<typeof en>("texts");
