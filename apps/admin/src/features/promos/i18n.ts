import { useFeatureT } from "../../lib/i18n.ts";
import type en from "./locales/en.ts";

/** The promo codes page's typed translator: keys come from ./locales/en.ts. */
export const usePromosT = () => useFeatureT<typeof en>("promos");
