import type { Messages } from "../../../lib/i18n.ts";
import type en from "./en.ts";

const ru: Messages<typeof en> = {
  nav: "Заказы",
  title: "Заказы и платежи",
  description: "Все покупки: что оплачено и через какого провайдера.",
  table: "Заказы",
  columns: {
    created: "Создан",
    title: "Товар",
    buyer: "Покупатель",
    amount: "Сумма",
    provider: "Провайдер",
    status: "Статус",
  },
  filters: {
    status: "Статус",
    provider: "Провайдер",
    currency: "Валюта",
    flagged: "С пометкой",
    yes: "Да",
    no: "Нет",
  },
  statuses: {
    pending: "Ожидает",
    paid: "Оплачен",
    cancelled: "Отменён",
    expired: "Истёк",
    refunded: "Возвращён",
  },
  paymentStatuses: { succeeded: "Прошёл", refunded: "Возвращён", duplicate: "Повтор" },
  flagged: "Помечен",
  detail: {
    back: "Все заказы",
    order: "Заказ",
    buyer: "Покупатель",
    product: "Товар",
    amount: "Сумма",
    provider: "Провайдер",
    status: "Статус",
    created: "Создан",
    paid: "Оплачен",
    refunded: "Возвращён",
    promo: "Промокод",
    payments: "Платежи",
    noPayments: "По этому заказу платежей не было.",
    events: "События провайдера",
    noEvents: "Событий нет.",
    flag: "Пометка",
    resolvedBy: "Закрыта {date}: {note}",
  },
  refund: {
    action: "Вернуть деньги",
    title: "Вернуть деньги за заказ?",
    description: "Деньги вернутся через {provider}, а выданное по заказу будет забрано.",
    done: "Деньги возвращены.",
  },
  resolve: {
    action: "Закрыть пометку",
    title: "Закрыть пометку",
    note: "Что сделано",
    submit: "Закрыть",
    done: "Пометка закрыта.",
  },
};

export default ru;
