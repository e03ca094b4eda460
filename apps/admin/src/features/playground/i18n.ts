import { useFeatureT } from "../../lib/i18n.ts";
import type en from "./locales/en.ts";

/** The playground page's typed translator: keys come from ./locales/en.ts. */
export const usePlaygroundT = () => useFeatureT<typeof en>("playground");
