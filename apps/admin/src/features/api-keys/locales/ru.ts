import type { Messages } from "../../../lib/i18n.ts";
import type en from "./en.ts";

const ru: Messages<typeof en> = {
  nav: "API-ключи",
  title: "API-ключи",
  description:
    "Ключи для сервисов и скриптов, передаются в X-Auth-Key. Ключ действует со своей ролью. Только для владельцев.",
  table: "API-ключи",
  empty: "API-ключей пока нет.",
  columns: {
    name: "Название",
    role: "Роль",
    key: "Ключ",
    lastUsed: "Использован",
    expires: "Истекает",
    status: "Статус",
  },
  never: "не использован",
  noExpiry: "бессрочно",
  active: "Действует",
  revokedState: "Отозван",
  expiredState: "Истёк",
  create: "Создать ключ",
  createTitle: "Создать API-ключ",
  createDescription: "Ключ показывается один раз, сразу после создания. Lumen хранит только его хеш.",
  name: "Название",
  nameHint: "Кто его использует, например «Синхронизация CRM»",
  nameRequired: "Дайте ключу название.",
  role: "Роль",
  created: "API-ключ создан",
  keyTitle: "Ваш новый ключ «{name}»",
  keyWarning: "Показывается только сейчас. Скопируйте его в сервис; повторно его не показать.",
  copy: "Копировать",
  copied: "Скопировано",
  done: "Готово",
  revoke: "Отозвать",
  confirmRevoke: "Отозвать «{name}»?",
  confirmRevokeText: "Всё, что использует этот ключ, сразу перестанет работать. Это нельзя отменить.",
  revokedToast: "API-ключ отозван",
};

export default ru;
