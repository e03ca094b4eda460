import { useFeatureT } from "../../lib/i18n.ts";
import type en from "./locales/en.ts";

/** The tasks pages' typed translator: keys come from ./locales/en.ts. */
export const useTasksT = () => useFeatureT<typeof en>("tasks");
