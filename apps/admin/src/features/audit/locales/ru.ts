import type { Messages } from "../../../lib/i18n.ts";
import type en from "./en.ts";

const ru: Messages<typeof en> = {
  nav: "Журнал действий",
  title: "Журнал действий",
  description: "Кто, что и когда сделал. Все изменения операторов, API-ключей и сервера.",
  table: "Записи журнала действий",
  columns: {
    when: "Когда",
    actor: "Кто",
    action: "Действие",
    entity: "Объект",
    details: "Подробности",
    ip: "IP",
  },
  filters: { actor: "Кто", action: "Действие", entity: "Объект" },
  actorTypes: { admin: "Оператор", api_key: "API-ключ", cli: "Командная строка", system: "Lumen" },
  search: "ID объекта…",
  deleted: "удалён",
};

export default ru;
