import { useFeatureT } from "../../lib/i18n.ts";
import type en from "./locales/en.ts";

/** The dashboard's typed translator: keys come from ./locales/en.ts. */
export const useDashboardT = () => useFeatureT<typeof en>("dashboard");
