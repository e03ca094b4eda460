import { useFeatureT } from "../../lib/i18n.ts";
import type en from "./locales/en.ts";

/** The analytics page's typed translator: keys come from ./locales/en.ts. */
export const useAnalyticsT = () => useFeatureT<typeof en>("analytics");
