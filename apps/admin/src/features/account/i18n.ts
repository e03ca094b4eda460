import { useFeatureT } from "../../lib/i18n.ts";
import type en from "./locales/en.ts";

export const useAccountT = () => useFeatureT<typeof en>("account");
