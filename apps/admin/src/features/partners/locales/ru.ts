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
    actions: "Действия",
  },
  payout: {
    action: "Записать выплату",
    actionFor: "Записать выплату для {name}",
    title: "Выплата партнёру {name}",
    description:
      "Записывает деньги, выплаченные партнёру вне Lumen. К выплате — только комиссия после удержания; удержанная ждёт.",
    currency: "Валюта",
    nothing: "Комиссии пока нет.",
    amountRUB: "Сумма, ₽",
    amountXTR: "Сумма, звёзды",
    amountHint: "Не больше {due} — комиссии к выплате.",
    amountInvalidRUB: "Введите рубли, например 150 или 150,50",
    amountInvalidXTR: "Введите целое число звёзд",
    amountTooHigh: "К выплате только {due}",
    note: "Примечание",
    noteHint: "Как выплачено, номер перевода… Сохраняется в журнале действий.",
    noteTooLong: "Не больше 500 символов",
    submit: "Записать выплату",
    done: "Выплата {amount} записана; к выплате осталось {due}",
  },
};

export default ru;
