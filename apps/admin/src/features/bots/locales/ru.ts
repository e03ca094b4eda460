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
  notices: "Уведомления о продажах",
  noticeChat: "ID чата в Telegram",
  noticeChatDefault: "ADMIN_CHAT_ID",
  noticeChatInvalid: "ID чата — целое число, например -1001234567890.",
  noticeLanguage: "Язык",
  saveNotices: "Сохранить уведомления",
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
  connectPolling:
    "Эта установка работает через long polling: Lumen сам запрашивает обновления у Telegram, ничего не нужно открывать в интернет. Команды и меню настраиваются при запуске бота.",
  connectWebhook:
    "Эта установка работает через вебхуки (задан PUBLIC_URL): Telegram будет вызывать PUBLIC_URL/telegram/<id бота>; точный адрес и проверка доставки Telegram (getWebhookInfo) видны в карточке бота. Команды и меню настраиваются при запуске бота.",
  webhookUrl: "Telegram вызывает {url}",
  webhookUnset: "У Telegram пока нет адреса вебхука для этого бота.",
  statusUnavailable: "Сейчас не удалось спросить Telegram.",
  miniAppNoPublicUrl:
    "Мини-приложение магазина в ботах не показывается: Telegram открывает мини-приложения только по HTTPS, а PUBLIC_URL не задан. Покупают в чате; задайте PUBLIC_URL с адресом https://, чтобы появились кнопки магазина.",
  miniAppNotHttps:
    "Мини-приложение магазина в ботах не показывается: Telegram открывает мини-приложения только по HTTPS, а PUBLIC_URL не начинается с https://. Покупают в чате, пока PUBLIC_URL не станет адресом https://.",
  firstUpdate: {
    connecting: "Подключение…",
    waiting: "Ждём первое обновление",
    hint: "Напишите @{username} в Telegram (отправьте /start): обновление появится здесь, как только придёт.",
    arrived: "Первое обновление пришло",
    what: "{kind} от {name}, {when}",
    before: "{when}",
  },
};

export default ru;
