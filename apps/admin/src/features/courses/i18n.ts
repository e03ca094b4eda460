import { useFeatureT } from "../../lib/i18n.ts";
import type en from "./locales/en.ts";

/** The courses pages' typed translator: keys come from ./locales/en.ts. */
export const useCoursesT = () => useFeatureT<typeof en>("courses");
