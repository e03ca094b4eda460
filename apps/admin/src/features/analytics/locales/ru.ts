import type { Messages } from "../../../lib/i18n.ts";
import type en from "./en.ts";

const ru: Messages<typeof en> = {
  nav: "Аналитика",
  title: "Аналитика",
  description: "Откуда приходят люди, как далеко они доходят до покупки и кто возвращается.",
  csv: "CSV",
  funnel: {
    title: "Воронка",
    started: "Запустили бота",
    viewed: "Смотрели товар",
    checkout: "Начали оплату",
    paid: "Оплатили",
    ofPrevious: "{percent}% от предыдущего шага",
    products: "По товарам",
    product: "Товар",
    empty: "За период товары не смотрели и не покупали.",
  },
  trials: {
    title: "Пробный период → оплата",
    value: "оплатили {converted} из {trials}",
    none: "За период пробный период не начинали.",
  },
  cohorts: {
    title: "Недельные когорты",
    hint: "Пользователи по неделе первого /start; в ячейке — сколько были активны в ту неделю (в скобках — оплатили).",
    week: "Первая неделя",
    users: "Пользователи",
    offset: "Неделя {k}",
    weeks: "Недель",
    empty: "За эти недели бота никто не запускал.",
  },
  sources: {
    title: "Источники",
    source: "Источник",
    kind: "Тип",
    users: "Новые пользователи",
    paying: "Оплатили",
    revenue: "Выручка",
    direct: "(без ссылки)",
    kinds: {
      direct: "Напрямую",
      partner: "Партнёр",
      product: "Ссылка на товар",
      promo: "Ссылка с промокодом",
      sign_in: "Вход",
      other: "Другое",
      broadcast: "Рассылка",
    },
    clicks: "Нажали кнопку: {count}",
    empty: "За период новых пользователей нет.",
  },
};

export default ru;
