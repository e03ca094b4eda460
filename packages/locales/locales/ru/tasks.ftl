## Задачи для живых ассистентов

menu-new-task = 📝 Новая задача
menu-my-tasks = 📋 Мои задачи
command-task = Дать задачу ассистенту
command-tasks = Ваши задачи

task-no-plan = Задачи выполняют наши живые ассистенты, они входят в тариф. Выберите тариф:
task-quota-exhausted = Вы использовали все { $total } задач тарифа «{ $plan }» в этом периоде. Перейдите на тариф побольше:
task-see-plans = 💳 Тарифы
task-write =
    📝 Что нужно сделать? Опишите задачу одним или несколькими сообщениями; можно приложить фото, документы и голосовые.
    Осталось задач в этом периоде: { $left }.
    Когда закончите, нажмите «Далее».
task-next = ➡️ Далее
task-discard = ✖️ Отмена
task-discarded = Новая задача отменена.
task-added = ✔️ Добавлено. Отправьте ещё или нажмите «Далее».
task-write-first = Сначала опишите задачу: отправьте сообщение, фото, документ или голосовое.
task-deadline-ask = ⏰ К какому сроку? Выберите или отправьте дату и время, например 2026-12-31 18:00 ({ $zone }).
task-deadline-3h = Через 3 часа
task-deadline-24h = Через 24 часа
task-deadline-3d = Через 3 дня
task-deadline-none = Без срока
task-deadline-invalid = Не понял дату. Отправьте её так: 2026-12-31 18:00 ({ $zone }), в будущем.
task-priority-ask = Насколько срочно?
task-priority-normal = Обычно
task-priority-high = 🔥 Срочно
task-confirm =
    Проверьте задачу:

    { $text }
    📎 Вложения: { $files }
    ⏰ Срок: { $deadline }
    Приоритет: { $priority }
task-no-deadline = нет
task-priority-name = { $priority ->
        [high] срочно
       *[normal] обычный
    }
task-create = ✅ Создать задачу
task-created = ✅ Задача создана: { $title }. Ассистент скоро возьмёт её, я сообщу здесь.
task-message-sent = ✉️ Отправлено ассистенту по задаче «{ $title }».
task-message-too-many = ⏳ Слишком много сообщений в задачу подряд: ассистент — живой человек. Подождите { $seconds } с и напишите снова; это сообщение не отправлено.
task-ask-ai-instead = 🤖 Спросить это у ИИ
task-ai-also = 🤖 Спрашиваю ИИ. Сообщение осталось и в задаче.
task-list-title = 📋 Ваши задачи:
task-list-empty = Задач пока нет. Нажмите «Новая задача».
task-line = { $title } — { $status ->
            [new] 🆕 ждёт ассистента
            [in_progress] 🛠 в работе
            [waiting] ❓ ждёт вашего ответа
            [done] ✅ выполнена
           *[cancelled] ✖️ отменена
        }
task-view =
    📝 { $text }
    Статус: { $status ->
            [new] 🆕 ждёт ассистента
            [in_progress] 🛠 в работе
            [waiting] ❓ ждёт вашего ответа
            [done] ✅ выполнена
           *[cancelled] ✖️ отменена
        }
    ⏰ Срок: { $deadline }
task-view-result = Результат: { $result }
task-view-rating = Ваша оценка: { $rating } ⭐
task-conversation = Переписка:
task-from-you = 👤 Вы
task-from-assistant = 🧑‍💼 Ассистент
task-cancel = ✖️ Отменить задачу
task-cancelled = Задача «{ $title }» отменена и не засчитана в тариф.
task-cancel-taken = Ассистент уже взял задачу, отменить её нельзя.
task-closed = Задача закрыта.
task-back = ⬅️ Мои задачи
task-taken-user = 🛠 Ассистент взял вашу задачу «{ $title }».
task-relay-assistant = 🧑‍💼 Ассистент, по задаче «{ $title }»:
    { $text }
task-relay-question = ❓ Ассистент спрашивает, по задаче «{ $title }»:
    { $text }
    Просто ответьте здесь.
task-done-user =
    ✅ Задача «{ $title }» выполнена.
    Результат: { $result }
    Всё верно?
task-accept = 👍 Да, спасибо
task-reopen = 🔁 Нет, вернуть в работу
task-reopened-user = 🔁 Задача «{ $title }» возвращена в работу, ассистент продолжит.
task-rate-ask = Оцените работу ассистента:
task-rated = Спасибо! Если хотите, ответьте на это сообщение комментарием.
task-comment-saved = 💬 Комментарий сохранён. Спасибо!
task-cancelled-user = ✖️ Ваша задача «{ $title }» отменена.

## Сторона ассистентов

task-card =
    🆕 Задача от { $user }
    { $text }
    ⏰ Срок: { $deadline } · Приоритет: { $priority }
    📎 { $files }
task-card-taken = 🛠 Взял(а) { $assistant }
task-card-done = ✅ Выполнил(а) { $assistant }
task-card-cancelled = ✖️ Отменена
task-take = 🙋 Взять
task-taken-by-other = Эту задачу уже взял другой ассистент.
task-taken-you =
    🛠 Задача ваша. Ответьте на это сообщение, чтобы написать подписчику.
    Кнопками можно запросить детали, передать задачу или отметить выполненной.
task-ask-details = ❓ Запросить детали
task-hand-over = 🔄 Передать
task-mark-done = ✅ Готово
task-reply-to-write = Ответьте на это сообщение текстом.
task-ask-prompt = Ответьте на это сообщение вопросом; у подписчика задача будет «ждёт вашего ответа».
task-done-prompt = Ответьте на это сообщение результатом; задача будет отмечена выполненной.
task-hand-to = Передать задачу:
task-hand-anyone = 🔄 Вернуть всем
task-handed-to = 🔄 Задача передана: { $assistant }.
task-handed-over = 🔄 Задача снова в рабочем чате, её может взять любой.
task-relay-user = 👤 Подписчик, по задаче «{ $title }»:
    { $text }
task-sent = ✉️ Отправлено подписчику.
task-marked-done = ✅ Отмечено выполненной. Подписчик подтвердит.
task-reopened-assistant = 🔁 Подписчик вернул в работу «{ $title }».
task-rated-assistant = ⭐ Подписчик оценил «{ $title }»: { $rating }/5. { $comment }
task-not-linked = Сначала привяжите Telegram к учётной записи оператора (панель → ваш профиль).
task-not-yours = Это задача другого ассистента.
task-reminder = ⏰ Срок задачи «{ $title }»: { $deadline }.
task-alert-overdue = ⚠️ Просрочена: «{ $title }» (срок { $deadline }), { $assistant }.
task-alert-untaken = ⚠️ Задачу «{ $title }» никто не взял с { $since }.
task-nobody = никто
