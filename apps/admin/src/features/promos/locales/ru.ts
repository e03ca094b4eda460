import type { Messages } from "../../../lib/i18n.ts";
import type en from "./en.ts";

const ru: Messages<typeof en> = {
  nav: "Промокоды",
  title: "Промокоды",
  description: "Коды, сколько раз каждый использован и выручка заказов с ним.",
  table: "Промокоды",
  search: "Код…",
  create: "Новый промокод",
  columns: {
    code: "Код",
    discount: "Даёт",
    uses: "Использований",
    revenue: "Выручка",
    state: "Состояние",
    created: "Создан",
  },
  kinds: {
    percent_off: "Скидка {value}%",
    fixed_off: "Скидка {value}",
    bonus_credits: "+{value} кредитов",
    extra_days: "+{value} дней к подписке",
    free_days: "{value} бесплатных дней",
  },
  kindNames: {
    percent_off: "Скидка в процентах",
    fixed_off: "Скидка суммой",
    bonus_credits: "Бонусные кредиты",
    extra_days: "Дополнительные дни",
    free_days: "Бесплатные дни",
  },
  filters: { active: "Состояние", kind: "Тип", overrun: "Сверх лимита" },
  states: { true: "Включён", false: "Выключен" },
  usesOf: "{uses} из {max}",
  noRevenue: "—",
  form: {
    code: "Код",
    codeHint: "3–32 буквы, цифры, _ или -; регистр не важен.",
    kind: "Тип",
    value: "Значение",
    valueHint: "Проценты (1–100), сумма в копейках или звёздах, кредиты или дни — по типу.",
    currency: "Валюта суммы",
    maxUses: "Лимит использований",
    maxUsesHint: "Пусто — без лимита.",
    oncePerUser: "Один раз на покупателя",
    submit: "Создать",
    created: "Промокод {code} создан",
  },
  toggle: {
    off: "Выключить",
    on: "Включить",
    confirmTitle: "Выключить {code}?",
    confirmText: "Покупатели больше не смогут его применить; уже созданные заказы сохранят цену.",
    done: "Сохранено",
  },
};

export default ru;
