import type { Messages } from "../../../lib/i18n.ts";
import type en from "./en.ts";

const ru: Messages<typeof en> = {
  nav: "Каналы",
  title: "Каналы и группы",
  description: "Чаты, куда добавлены ваши боты, для платного доступа. Исправьте права до первой продажи.",
  empty: "Чатов пока нет. Добавьте бота в канал или группу администратором.",
  columns: { chat: "Чат", bot: "Статус бота", mode: "Вступление", warnings: "Предупреждения" },
  types: { channel: "Канал", supergroup: "Группа", group: "Группа" },
  status: {
    administrator: "Администратор",
    member: "Участник",
    left: "Вышел",
    kicked: "Удалён",
    restricted: "Ограничен",
  },
  rights: {
    administrator: "Бот не администратор",
    can_invite_users: "Бот не может приглашать",
    can_restrict_members: "Бот не может удалять участников",
  },
  allGood: "Готово",
  modes: { invite_link: "Личные ссылки", join_request: "Заявки на вступление" },
  modeHint: {
    invite_link: "Каждый подписчик получает одноразовую ссылку; вошедший по чужой ссылке удаляется.",
    join_request: "Вступить может попросить любой; бот одобряет подписчиков и отклоняет остальных.",
  },
  back: "Все каналы",
  joinMode: "Как подписчики попадают в чат",
  modeSaved: "Способ вступления сохранён",
  confirmMode: "Переключить на «{mode}»?",
  confirmModeText: "Новые покупки получат ссылки нового вида. Уже отправленные ссылки работают до истечения.",
  access: "У кого сейчас есть доступ",
  accessCount: "Людей с действующим планом: {count}",
  accessTruncated: "Показано {shown} из {count}.",
  noAccess: "Ни у кого пока нет действующего плана для этого чата.",
  holder: { person: "Человек", plan: "План", until: "До", state: "Статус" },
  joinStates: {
    joined: "В чате",
    invited: "Ссылка отправлена",
    invite_expired: "Ссылка истекла",
    invite_revoked: "Ссылка отозвана",
    not_invited: "Ссылки ещё нет",
  },
  log: "Журнал доступа",
  logTable: "Записи журнала доступа",
  logColumns: { when: "Когда", event: "Событие", person: "Человек", details: "Подробности" },
  kindFilter: "Событие",
  kinds: {
    invite_issued: "Выдана ссылка",
    member_joined: "Вступил",
    stranger_removed: "Чужой удалён",
    join_request_offered: "Предложен тариф (заявка ждёт)",
    join_request_approved: "Заявка одобрена",
    join_request_declined: "Заявка отклонена",
    reminder_sent: "Отправлено напоминание",
    access_expired: "Доступ закончился",
    member_removed: "Удалён по окончании",
  },
  details: {
    linkOwner: "по чужой ссылке",
    daysBefore: "за {days} дн. до конца",
    joinRequestLink: "ссылка для заявок",
  },
  unknownPerson: "Пользователь Telegram {id}",
};

export default ru;
