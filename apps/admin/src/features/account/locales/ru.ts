import type { Messages } from "../../../lib/i18n.ts";
import type en from "./en.ts";

const ru: Messages<typeof en> = {
  title: "Ваш аккаунт",
  description: "Как вы входите и по какому аккаунту Telegram вас узнают боты.",
  telegram: {
    title: "Telegram",
    why: "Привяжите аккаунт Telegram, чтобы боты вас узнавали: проверяющие получают домашние задания, ассистенты — задачи, администраторы — /admin.",
    linked: "Привязан аккаунт Telegram {id}.",
    notLinked: "Аккаунт Telegram не привязан.",
    link: "Привязать Telegram",
    relink: "Привязать другой аккаунт",
    unlink: "Отвязать",
    unlinked: "Аккаунт Telegram отвязан",
    justLinked: "Аккаунт Telegram привязан",
    codeTitle: "Отправьте это одному из ваших ботов",
    codeHint: "Откройте бота ниже и нажмите «Старт» или отправьте ему команду. Код действует до {time}.",
    open: "Открыть @{bot}",
    noBots: "Пока не подключён ни один бот. Сначала подключите его на странице «Боты».",
    waiting: "Ждём ответа бота…",
  },
  password: {
    title: "Пароль",
    current: "Текущий пароль",
    next: "Новый пароль",
    nextHint: "Не короче 10 символов. Остальные ваши сессии завершатся после смены.",
    save: "Сменить пароль",
    changed: "Пароль изменён",
    tooShort: "Не короче 10 символов.",
    required: "Введите текущий пароль.",
  },
};

export default ru;
