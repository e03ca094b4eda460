import { useFeatureT } from "../../lib/i18n.ts";
import type en from "./locales/en.ts";

/** The products page's typed translator: keys come from ./locales/en.ts. */
export const useProductsT = () => useFeatureT<typeof en>("products");
