import { useFeatureT } from "../../lib/i18n.ts";
import type en from "./locales/en.ts";

/** The partners page's typed translator: keys come from ./locales/en.ts. */
export const usePartnersT = () => useFeatureT<typeof en>("partners");
