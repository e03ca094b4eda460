import type { Messages } from "../../../lib/i18n.ts";
import type en from "./en.ts";

const ru: Messages<typeof en> = {
  nav: "Боты",
  title: "Боты",
  description: "Telegram-боты, через которые вы продаёте. Каждый работает с включёнными функциями.",
  empty: "Ботов пока нет. Создайте бота в @BotFather и добавьте его здесь по токену.",
  add: "Добавить бота",
  addTitle: "Добавить бота",
  addDescription: "Вставьте токен от @BotFather. Lumen проверит его в Telegram и запустит бота.",
  token: "Токен бота",
  tokenHint: "Похож на 123456789:AAH…",
  tokenInvalid: "Это не токен бота от @BotFather.",
  added: "Бот @{username} добавлен",
  enabled: "Работает",
  disabled: "Остановлен",
  enable: "Запустить бота",
  disable: "Остановить бота",
  confirmDisable: "Остановить @{username}?",
  confirmDisableText: "Бот перестанет отвечать, пока вы его не запустите. Ничего не удаляется.",
  saved: "Бот сохранён",
  features: "Функции",
  saveFeatures: "Сохранить функции",
  featureNames: {
    assistant: "ИИ-ассистент",
    shop: "Магазин",
    access: "Платные чаты",
    courses: "Курсы",
    tasks: "Задачи",
  },
  lastUpdate: "Последнее обновление",
  never: "не было",
  delivery: "Доставка",
  modes: { polling: "Long polling", webhook: "Вебхук" },
  pending: "Ожидает обновлений: {count}",
  lastError: "Последняя ошибка {when}: {message}",
  noErrors: "Ошибок доставки нет",
  statusUnavailable: "Сейчас не удалось спросить Telegram.",
};

export default ru;
