import { useFeatureT } from "../../lib/i18n.ts";
import type en from "./locales/en.ts";

export const useBotsT = () => useFeatureT<typeof en>("bots");
