## Main menu

start-greeting =
    Привет, { $name }! 👋
    Я { $bot }. Выберите, что нужно, в меню ниже или отправьте /help, чтобы увидеть всё, что я умею.
start-welcome-back = С возвращением, { $name }! Что хотите сделать?
menu-title = Главное меню
menu-account = 👤 Мой аккаунт
menu-language = 🌐 Язык
menu-help = ❓ Помощь
menu-back = ⬅️ В меню

## Commands (setMyCommands)

command-start = Главное меню
command-help = Что умеет этот бот
command-account = Ваш аккаунт
command-language = Сменить язык

## Help

help-text =
    Вот что я умею:
    /start — главное меню
    /balance — кредиты, пробный период и тариф
    /new — начать новый диалог
    /settings — язык, модель и стиль ответов
    /account — ваш аккаунт
    /help — это сообщение
    Любое другое сообщение — вопрос для ИИ.

## Account

account-text =
    👤 { $name }
    Telegram ID: { $telegramId }
    Язык: { $language }
    С нами с { $since }

## Language

language-choose = Выберите язык, на котором мне с вами говорить:
language-changed = Готово: буду говорить с вами по-русски.
language-name = Русский

## Deep links

deeplink-login-invalid = Эта ссылка для входа недействительна или устарела. Запросите новую в приложении.
deeplink-product-unavailable = Этот товар больше недоступен. Вот главное меню.

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

## Shop

shop-title = 💳 Выберите, что купить:
shop-empty = Пока ничего не продаётся. Загляните позже.
shop-price-stars = { $title } — { $amount } ⭐
shop-price-rub = { $title } — { $amount } ₽
shop-price-mock = 🧪 { $title } — тестовая оплата
menu-store = 🛍 Магазин
shop-open-in-store = 🛍 Открыть в магазине
shop-product-choose = Выберите способ оплаты:
shop-product-no-way-to-pay = Этот товар пока нельзя оплатить здесь.
shop-invoice-description = { $title }: оплата в Telegram Stars. Зачисляется сразу после оплаты.
shop-mock-started = 🧪 Тестовая оплата начата: завершится через несколько секунд.
shop-pay-link = 💳 Оплатить { $amount } ₽
shop-pay-link-text = «{ $title }»: оплата картой на странице ЮKassa. Покупка зачисляется сразу после оплаты.
shop-subscribe = ⭐ Подписаться: { $amount } ⭐ в месяц
shop-subscribe-text = «{ $title }» продлевается каждый месяц через Telegram Stars. Отменить можно в любой момент командой /cancel; доступ сохранится до конца оплаченного месяца.
cancel-none = У вас нет тарифов с автопродлением.
cancel-done = Автопродление «{ $title }» отключено. Доступ сохранится до { $until }.
command-cancel = Отключить автопродление
shop-unavailable = Этот товар больше не продаётся.
precheckout-not_found = Заказ не найден. Начните покупку заново.
precheckout-not_pending = Этот заказ уже оплачен или закрыт.
precheckout-expired = Срок заказа истёк. Начните покупку заново.
precheckout-mismatch = Цена изменилась. Начните покупку заново.
precheckout-inactive = Этот товар больше не продаётся.
precheckout-banned = Покупки недоступны для вашего аккаунта.
precheckout-wrong_user = Этот счёт выставлен другому пользователю.
precheckout-promo_exhausted = У этого промокода закончились использования. Начните покупку заново.
precheckout-promo_invalid = Этот промокод больше не действует. Начните покупку заново.
receipt-credits = ✅ Оплата получена: +{ $credits } кредитов. Баланс: { $balance }.
receipt-plan = ✅ Оплата получена: «{ $title }» действует до { $until }.
receipt-course = ✅ Оплата получена: вы записаны на «{ $title }».
receipt-digital = ✅ Оплата получена: вот «{ $title }».
receipt-refunded = ↩️ Оплата за «{ $title }» возвращена.
orders-title = 🧾 Ваши заказы:
orders-empty = У вас пока нет заказов.
orders-line = { $date } · { $title } · { $amount } { $currency } · { $status ->
        [paid] оплачен
        [pending] ждёт оплаты
        [refunded] возвращён
        [expired] истёк
       *[other] отменён
    }
paysupport = По вопросам оплаты напишите нам сюда: опишите проблему, укажите дату и товар. Возвраты — по условиям продавца; при возврате покупка отзывается.
command-buy = Купить кредиты и тарифы
command-orders = Ваши заказы
admin-sale = 💰 Продажа: «{ $title }» — { $amount } { $currency } через { $provider }. Покупатель: { $buyer } (id { $telegramId }). Заказ { $orderId }.
admin-mismatch = ⚠️ Оплата не совпадает с заказом { $orderId }: { $reason }. Не зачислено, проверьте.

## Access

access-links = 🔑 Ваш доступ: по одной личной ссылке на каждый чат. Ссылки одноразовые и только для вас.
access-join = Вступить в «{ $title }»
access-join-offer = 🔒 «{ $chat }» — для участников тарифа «{ $plan }». Оформите тариф, и заявка на вступление будет сразу одобрена.
access-reminder = ⏳ Ваш тариф «{ $title }» заканчивается { $until } ({ $days ->
        [one] остался { $days } день
        [few] осталось { $days } дня
       *[many] осталось { $days } дней
    }). Продлите, чтобы сохранить доступ.
access-renew = 🔄 Продлить
access-expired = Ваш тариф «{ $title }» закончился, доступ к его чатам закрыт. Продлите в любой момент, чтобы вернуться.
status-none = У вас пока нет тарифов. Смотрите /buy.
status-line = • «{ $title }» — { $status ->
        [active] действует до { $until }
        [expired] закончился { $until }
        [cancelled] отменён, закончился { $until }
       *[other] { $status }, до { $until }
    }
status-chats = Чаты: { $chats }
command-status = Ваши тарифы и доступ

## Promo codes

promo-applied = 🎟 Промокод { $code } будет применён к следующей покупке.
promo-free-days = 🎁 «{ $title }» — бесплатно до { $until }.
promo-usage = Отправьте код так: /promo SUMMER25
promo-ask = 🎟 Есть промокод? Отправьте его так: /promo КОД
promo-button = 🎟 Есть промокод?
promo-note = 🎟 Промокод { $code } будет применён при оплате.
promo-refused-unknown = Такого промокода нет.
promo-refused-inactive = Этот промокод отключён.
promo-refused-not_started = Этот промокод ещё не действует.
promo-refused-expired = Срок действия промокода истёк.
promo-refused-exhausted = Промокод закончился.
promo-refused-used = Вы уже использовали этот промокод.
promo-refused-not_applicable = Промокод не действует на этот товар.
command-promo = Ввести промокод

## Partners

partner-text =
    🤝 Ваша партнёрская ссылка:
    { $link }

    Переходов: { $clicks }
    Регистраций: { $signups }
    Платящих: { $payers }
partner-money = { $currency }: выручка { $revenue }, комиссия { $earned } (на удержании { $held }), выплачено { $paidOut }, к выплате { $due }
partner-terms = Вы получаете { $percent }% от оплат приведённых вами людей; комиссия доступна через { $days } дн. после каждой оплаты.
command-partner = Партнёрская программа

## Errors

error-generic = Извините, у нас что-то пошло не так. Попробуйте ещё раз через минуту.
error-rate-limited = Слишком быстро. Подождите несколько секунд и попробуйте снова.
unknown-command = Я не знаю такой команды. Отправьте /help, чтобы увидеть, что я умею.
unhandled-message = Воспользуйтесь меню ниже или отправьте /help, чтобы увидеть, что я умею.
user-blocked = Извините, этот бот вам недоступен. Если вы считаете, что это ошибка, свяжитесь с владельцем бота.

login-confirm = Войти в магазин { $bot } на новом устройстве? Отвечайте «да», только если вы сами только что это запросили.
login-yes = ✅ Да, войти
login-no = ❌ Нет
login-confirmed = ✅ Вход выполнен. Вернитесь в приложение: оно продолжит само.
login-denied = Вход отклонён. Ничего не изменилось.
sessions-title = 📱 Устройства, где выполнен вход в приложение магазина:
sessions-line = { $n }. { $device } (с { $since })
sessions-empty = Ни на одном устройстве не выполнен вход в приложение магазина.
sessions-end = Выйти на устройстве { $n }
sessions-end-all = Выйти везде
sessions-ended = Выход выполнен.
command-sessions = Устройства с входом в приложение магазина
