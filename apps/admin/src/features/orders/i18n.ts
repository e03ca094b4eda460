import { useFeatureT } from "../../lib/i18n.ts";
import type en from "./locales/en.ts";

/** This feature's typed translator: keys come from ./locales/en.ts. */
export const useOrdersT = () => useFeatureT<typeof en>("orders");
