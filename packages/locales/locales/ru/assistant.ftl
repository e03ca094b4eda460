## Assistant

menu-ask = 🤖 Спросить ИИ
menu-balance = 💰 Мой баланс
menu-topup = 💳 Пополнить
menu-settings = ⚙️ Настройки
menu-trial = 🎁 Попробовать бесплатно
command-balance = Кредиты, пробный период и тариф
command-settings = Язык, модель и стиль ответов
command-new = Начать новый диалог
ask-prompt = Отправьте вопрос сообщением, и я отвечу. Команда /new начинает новый диалог.
balance-text =
    💰 Баланс: { $credits ->
        [one] { $credits } кредит
        [few] { $credits } кредита
       *[many] { $credits } кредитов
    }
balance-trial = 🎁 Пробный период: осталось сообщений — { $left }
balance-trial-until = 🎁 Пробный период: осталось сообщений — { $left }, до { $until }
balance-trial-unused = 🎁 Доступен бесплатный пробный период: { $messages } сообщений
balance-plan = 📅 Тариф «{ $title }» до { $until }: в этом периоде осталось сообщений — { $left }
balance-plan-unlimited = 📅 Тариф «{ $title }» до { $until }: без ограничений
balance-model = 🧠 Модель: { $model } ({ $price ->
        [one] { $price } кредит
        [few] { $price } кредита
       *[many] { $price } кредитов
    } за вопрос)
trial-started =
    🎁 Пробный период начался: { $messages } сообщений{ $days ->
        [0] .
       *[other] {" "}на { $days } дн.
    }
    Задайте любой вопрос!
trial-already-used = Вы уже воспользовались пробным периодом.
no-access = Сообщения закончились. Пополните баланс, чтобы продолжить.
no-access-trial = Сообщения закончились. Начните бесплатный пробный период ({ $messages } сообщений) или пополните баланс.
ai-not-configured = ИИ-ассистент ещё не настроен. Попробуйте позже.
ai-failed = Извините, ИИ сейчас не ответил. Ничего не списано. Нажмите «Повторить», чтобы спросить снова.
ai-retry = 🔁 Повторить
ai-retry-missing = Этот вопрос уже нельзя повторить. Отправьте его ещё раз.
user-banned = Ваш доступ к этому боту заблокирован.
topup-unavailable = Оплата пока не настроена. Попробуйте позже.
new-conversation = 🧹 Начат новый диалог: прошлый разговор я забыл.
settings-title = ⚙️ Настройки
settings-language = 🌐 Язык
settings-model = 🧠 Модель: { $model }
settings-style = 🎨 Стиль ответов: { $style }
settings-model-choose = Выберите модель ИИ (цена за вопрос):
settings-style-choose = Выберите, как мне отвечать:
settings-saved = Сохранено.
style-balanced = Сбалансированно
style-concise = Коротко и по делу
style-detailed = Подробно
style-friendly = Дружелюбно
