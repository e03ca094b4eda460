## Курсы: уроки, начало, прогресс

course-lesson-heading = 📘 День { $day } из { $total }: { $title }
course-homework = 📝 Домашнее задание: { $prompt }
course-homework-required = Следующий урок откроется, когда вы пришлёте домашнее задание.
course-homework-how = Пришлите ответ ответом на это сообщение: текст, фото, документы или голосовое.
course-mark-done = ✅ Отметить пройденным
course-marked-done = Отмечено ✓
course-quiz = ❓ { $question }
course-quiz-right = ✅ Верно!
course-quiz-wrong = ❌ Не совсем. Правильный ответ: { $answer }
course-quiz-answered = Вы уже ответили на этот вопрос.
course-welcome = 🎓 Добро пожаловать на курс «{ $title }» ({ $tariff })! Один урок в день; первый придёт сразу.
course-upgraded = ⬆️ Теперь у вас тариф { $tariff } на курсе «{ $title }».
course-ask-timezone = Где вы находитесь? Уроки приходят по вашему местному времени. Выберите часовой пояс (сейчас: { $timezone }).
course-ask-hour = В котором часу присылать уроки (сейчас: { $hour }:00)?
course-schedule-saved = 🕘 Уроки будут приходить в { $hour }:00, { $timezone }.
course-chats = Чаты курса — личные ссылки, работают один раз:
course-chat-join = Вступить в «{ $title }»
course-none = Вы пока не записаны на курс. Смотрите /buy.
course-lessons-title = 📚 «{ $title }»: ваши уроки
course-lesson-row = { $state ->
        [done] ✓
        [current] ▶
       *[locked] 🔒
    } { $day }. { $title }
course-locked = 🔒 Этот урок откроется в свой день.
course-prev = ◀ Назад
course-next = Дальше ▶
course-back = ☰ Уроки
course-page = 🎓 «{ $title }» — { $tariff }
    { $bar } { $done } из { $total } уроков
course-next-lesson = Следующий урок: { $when } ({ $timezone }).
course-next-waiting = Следующий урок: после домашнего задания к дню { $day }.
course-finished = 🏁 Вы прошли курс.
course-change-schedule = 🕘 Изменить время
command-lessons = Уроки курса
command-course = Ваш курс и прогресс
course-homework-received = ✅ Домашнее задание получено. Отличная работа!
course-homework-to-review = 📨 Домашнее задание получено: проверяющий скоро его посмотрит.
course-upgrade-offer = ⬆️ Хотите больше? Перейдите на тариф выше и доплатите только разницу:
course-upgrade-for-feedback = 💡 На тарифе с обратной связью это задание проверил бы преподаватель. Перейдите на него и доплатите только разницу:
course-upgrade-stars = ⬆️ Перейти на { $tariff } — { $amount } ⭐
course-upgrade-rub = ⬆️ Перейти на { $tariff } — { $amount } ₽
course-feedback = 💬 Отзыв на день { $day } «{ $title }»{ $grade ->
        [0] {""}
       *[other] {" "}— оценка { $grade }
    }:
    { $feedback }
course-feedback-redo = 🔁 Пожалуйста, переделайте домашнее задание к дню { $day } «{ $title }»:
    { $feedback }
    Ответьте на урок новым вариантом.
review-header = 📝 Домашнее задание · «{ $course }» · день { $day } «{ $lesson }»
    { $student } · { $tariff }
review-take = 🙋 Взять
review-taken = 👤 Взял(а) { $reviewer }. Ответьте на это сообщение отзывом (начните с оценки, например 5/5, или со слова «redo»).
review-reviewed = ✅ Проверил(а) { $reviewer }: оценка { $grade }
review-reviewed-ungraded = ✅ Проверил(а) { $reviewer }
review-sent-back = 🔁 Отправил(а) на доработку { $reviewer }
review-taken-short = Взято
review-held = ⛔ Это задание уже взял(а) { $reviewer }: отзыв теперь может дать только он(а).
review-closed = ⛔ Это задание уже проверено или не требует проверки.
review-not-linked = Сначала привяжите Telegram на странице «Аккаунт» в панели.
review-sent = ✅ Отзыв отправлен студенту.
review-redo-sent = 🔁 Отправлено студенту на доработку.
course-completed = 🏆 Поздравляем! Вы прошли курс «{ $title }». Вот ваш сертификат.
certificate-heading = Сертификат о прохождении курса
certificate-intro = Настоящим подтверждается, что
certificate-completed = прошёл(а) курс
certificate-verify = Код проверки { $code }: { $url }

# Lesson media sent through the bot by an operator (the panel's "Send media through the bot")
course-media-send = Отправьте фото, видео, документ или голосовое для урока «{ $lesson }» сейчас, в этот чат. Следующий файл, который вы пришлёте сюда, станет медиа урока.
course-media-saved = Сохранено: { $kind } теперь медиа урока «{ $lesson }». Через мгновение оно появится в панели.
course-media-unknown = Ссылка для медиа неизвестна. Нажмите «Отправить медиа через бота» в редакторе урока ещё раз.
course-media-expired = Ссылка для медиа устарела (она действует 10 минут). Нажмите «Отправить медиа через бота» в редакторе урока ещё раз.
course-media-used = Эта ссылка для медиа уже использована. Чтобы заменить файл, нажмите «Отправить медиа через бота» в редакторе урока ещё раз.
course-media-wrong-operator = Эта ссылка для медиа принадлежит другому оператору. Откройте редактор урока сами, с привязанным аккаунтом Telegram.
course-media-kind-photo = фото
course-media-kind-video = видео
course-media-kind-document = документ
course-media-kind-voice = голосовое сообщение
