import type { Messages } from "../../../lib/i18n.ts";
import type en from "./en.ts";

const ru: Messages<typeof en> = {
  nav: "Сводка",
  title: "Сводка",
  description: "Продажи, пользователи и то, что требует внимания, за период в вашем часовом поясе ({tz}).",
  cards: {
    revenue: "Выручка, {currency}",
    revenueHint: "Оплачено заказов: {orders} · возвратов: {refunded}",
    paidOrders: "Оплаченные заказы",
    payingUsers: "Платящие пользователи",
    newUsers: "Новые пользователи",
    activeUsers: "Активные пользователи",
    activeHint: "Писали ассистенту, заказывали или открывали бота",
    conversion: "Пробный период → оплата",
    conversionHint: "Оплатили {converted} из {trials}",
    subscriptions: "Активные подписки",
    renewals: "Продления",
    churn: "Отток",
    churnHint: "{percent}% подписок, действовавших в начале",
    aiMessages: "Сообщения ИИ",
    aiHint: "{credits} кредитов · {tokens} токенов · ошибок: {failed}",
    open: "Открыть список, из которого взята цифра",
  },
  chart: {
    title: "Выручка по дням",
    description: "Рубли и звёзды — разные деньги: у каждых свой график.",
    empty: "За этот период оплат не было.",
    rub: "Рубли",
    xtr: "Звёзды",
  },
  top: { title: "Лучшие товары", empty: "За этот период ничего не продано.", orders: "Заказов: {count}" },
  flags: {
    title: "Требует внимания",
    none: "Всё в порядке.",
    payment_mismatch: "Оплаты, не совпавшие с заказом",
    promo_overrun: "Промокоды, использованные сверх лимита",
    missing_channel_rights: "Чаты, где боту не хватает прав",
  },
  error: "Не удалось загрузить сводку.",
  retry: "Повторить",
};

export default ru;
