import { useFeatureT } from "../../lib/i18n.ts";
import type en from "./locales/en.ts";

/** The subscriptions page's typed translator: keys come from ./locales/en.ts. */
export const useSubscriptionsT = () => useFeatureT<typeof en>("subscriptions");
