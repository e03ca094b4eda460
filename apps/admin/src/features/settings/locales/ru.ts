import type { Messages } from "../../../lib/i18n.ts";
import type en from "./en.ts";

const ru: Messages<typeof en> = {
  nav: "Настройки",
  title: "Настройки",
  description:
    "Как настроен этот Lumen. Только чтение: чтобы изменить, поменяйте окружение и перезапустите. Секреты не показываются.",
  on: "Вкл.",
  off: "Выкл.",
  set: "Задан",
  notSet: "Не задан",
  none: "—",
  modes: { test: "тестовый режим", live: "боевой", unknown: "режим неизвестен" },
  server: {
    title: "Сервер",
    version: "Версия",
    environment: "Окружение",
    publicUrl: "Публичный адрес",
    botMode: "Обновления ботов",
    database: "База данных",
    polling: "Long polling",
    webhook: "Вебхук",
    pglite: "Встроенная (PGlite)",
    postgres: "PostgreSQL",
    notices: "Уведомления в чат операторов",
  },
  payments: {
    title: "Платежи",
    stars: "Telegram Stars",
    telegram: "Telegram Payments",
    yookassa: "ЮKassa",
    shopId: "ID магазина",
    receipts: "Чеки",
    mock: "Тестовые платежи (без денег)",
  },
  ai: {
    title: "ИИ-ассистент",
    key: "API-ключ",
    baseUrl: "Адрес API",
    defaultModel: "Модель по умолчанию",
    models: "Модели и цена вопроса",
    credits: "{price} кред.",
    timeout: "Тайм-аут",
    seconds: "{count} с",
    context: "Предыдущих реплик в вопросе",
  },
  trial: {
    title: "Пробный период",
    messages: "Сообщений",
    days: "Дней",
    unlimited: "без ограничения по времени",
  },
  access: {
    title: "Платные чаты",
    reminders: "Напоминания до конца",
    days: "{days} дн.",
    grace: "Льготный период",
    minutes: "{count} мин",
  },
  referrals: { title: "Рефералы", percent: "Комиссия", hold: "Удержание", days: "{count} дн." },
};

export default ru;
