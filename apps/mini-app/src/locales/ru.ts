import type { Messages } from "../lib/i18n.ts";
import type en from "./en.ts";

const ru: Messages<typeof en> = {
  title: "Магазин",
  nav: { catalog: "Магазин", account: "Мой аккаунт" },
  catalog: {
    empty: "Пока ничего не продаётся.",
    credits: "Кредитов: {count}",
    plan: "Тариф на {days} дн.",
    planChats: "Тариф на {days} дн. · чатов: {chats}",
    from: "от",
  },
  product: {
    currency: "Способ оплаты",
    stars: "Звёзды",
    roubles: "Рубли",
    promo: "Промокод",
    promoHint: "Необязательно. Применится при оплате.",
    pay: "Оплатить {price}",
    paying: "Открываем оплату…",
    cancelled: "Оплата отменена. Деньги не списаны.",
    failed: "Оплата не прошла. Попробуйте ещё раз.",
    questions: "{count} вопросов ИИ за период",
    chats: "Открывает чатов в Telegram: {count}",
  },
  order: {
    waiting: "Ждём оплату…",
    waitingHint: "Страница обновится сама, когда Telegram подтвердит оплату.",
    stillWaiting: "Оплата ещё не подтверждена.",
    checkAgain: "Проверить ещё раз",
    paid: "Оплата получена",
    balance: "Ваш баланс, кредитов: {count}",
    planEnds: "Тариф действует до {date}",
    cancelled: "Заказ отменён.",
    expired: "Срок оплаты заказа истёк.",
    refunded: "Деньги за заказ возвращены.",
    backToStore: "Вернуться в магазин",
  },
  account: {
    balance: "Баланс",
    credits: "Кредитов: {count}",
    plans: "Тарифы",
    noPlans: "Тарифов пока нет.",
    until: "до {date}",
    renews: "продлевается",
  },
  outside: {
    title: "Откройте магазин в Telegram",
    body: "Магазин работает внутри Telegram: откройте бота и нажмите кнопку «Магазин».",
  },
  errors: {
    generic: "Что-то пошло не так. Попробуйте ещё раз.",
    network: "Нет связи с магазином. Проверьте подключение и попробуйте ещё раз.",
    notFound: "Этот товар не продаётся.",
    expired: "Сеанс магазина истёк. Закройте магазин и откройте его снова из бота.",
    retry: "Повторить",
  },
};

export default ru;
