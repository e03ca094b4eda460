import { useFeatureT } from "../../lib/i18n.ts";
import type en from "./locales/en.ts";

/** The broadcasts pages' typed translator: keys come from ./locales/en.ts. */
export const useBroadcastsT = () => useFeatureT<typeof en>("broadcasts");
