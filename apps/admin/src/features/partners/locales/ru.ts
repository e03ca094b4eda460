import type { Messages } from "../../../lib/i18n.ts";
import type en from "./en.ts";

const ru: Messages<typeof en> = {
  nav: "Партнёры",
  title: "Партнёры",
  description:
    "Кто приводит покупателей: переходы по ссылке, регистрации, платящие, выручка и комиссия — удержанная и к выплате.",
  table: "Партнёры",
  search: "Код, имя, @username или Telegram id…",
  columns: {
    partner: "Партнёр",
    code: "Код",
    clicks: "Переходы",
    signups: "Регистрации",
    paying: "Платящие",
    revenue: "Выручка",
    held: "Удержано",
    due: "К выплате",
    since: "Партнёр с",
  },
};

export default ru;
