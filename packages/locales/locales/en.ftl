## Main menu

start-greeting =
    Hi, { $name }! 👋
    I am { $bot }. Choose what you need below, or send /help to see everything I can do.
start-welcome-back = Welcome back, { $name }! What would you like to do?
menu-title = Main menu
menu-account = 👤 My account
menu-language = 🌐 Language
menu-help = ❓ Help
menu-back = ⬅️ Back to menu

## Commands (setMyCommands)

command-start = Main menu
command-help = What this bot can do
command-account = Your account
command-language = Change the language

## Help

help-text =
    Here is what I can do:
    /start — the main menu
    /balance — credits, trial and plan
    /new — start a new conversation
    /settings — language, model and answer style
    /account — your account
    /help — this message
    Any other message is a question for the AI.

## Account

account-text =
    👤 { $name }
    Telegram ID: { $telegramId }
    Language: { $language }
    With us since { $since }

## Language

language-choose = Choose the language I speak with you:
language-changed = Done: I will speak English with you.
language-name = English

## Deep links

deeplink-login-invalid = This sign-in link is invalid or has expired. Ask for a new one in the app.
deeplink-product-unavailable = This product is not available any more. Here is the main menu instead.

## Assistant

menu-ask = 🤖 Ask AI
menu-balance = 💰 My balance
menu-topup = 💳 Top up
menu-settings = ⚙️ Settings
menu-trial = 🎁 Try for free
command-balance = Credits, trial and plan
command-settings = Language, model and answer style
command-new = Start a new conversation
ask-prompt = Send me your question as a message, and I will answer. Use /new to start a fresh conversation.
balance-text =
    💰 Balance: { $credits ->
        [one] { $credits } credit
       *[other] { $credits } credits
    }
balance-trial = 🎁 Free trial: { $left } messages left
balance-trial-until = 🎁 Free trial: { $left } messages left, until { $until }
balance-trial-unused = 🎁 A free trial is available: { $messages } messages
balance-plan = 📅 Plan «{ $title }» until { $until }: { $left } messages left this period
balance-plan-unlimited = 📅 Plan «{ $title }» until { $until }: unlimited
balance-model = 🧠 Model: { $model } ({ $price ->
        [one] { $price } credit
       *[other] { $price } credits
    } per question)
trial-started =
    🎁 Your free trial has started: { $messages } messages{ $days ->
        [0] .
       *[other] {" "}for { $days } days.
    }
    Send me any question!
trial-already-used = You have already used your free trial.
no-access = You have no messages left. Top up your balance to keep talking to me.
no-access-trial = You have no messages left. Start your free trial ({ $messages } messages), or top up your balance.
ai-not-configured = The AI assistant is not set up yet. Please try again later.
ai-failed = Sorry, the AI did not answer this time. Nothing was charged. Press Retry to ask again.
ai-retry = 🔁 Retry
ai-retry-missing = This question can no longer be retried. Please send it again.
user-banned = Your access to this bot has been blocked.
topup-unavailable = Payments are not configured yet. Please try again later.
new-conversation = 🧹 New conversation started: I have forgotten what we talked about before.
settings-title = ⚙️ Settings
settings-language = 🌐 Language
settings-model = 🧠 Model: { $model }
settings-style = 🎨 Answer style: { $style }
settings-model-choose = Choose the AI model (price per question):
settings-style-choose = Choose how I should answer:
settings-saved = Saved.
style-balanced = Balanced
style-concise = Short and to the point
style-detailed = Detailed
style-friendly = Friendly

## Shop

shop-title = 💳 Choose what to buy:
shop-empty = Nothing is on sale yet. Please come back later.
shop-price-stars = { $title } — { $amount } ⭐
shop-price-rub = { $title } — { $amount } ₽
shop-price-mock = 🧪 { $title } — test payment
menu-store = 🛍 Store
shop-open-in-store = 🛍 Open in the store
shop-product-choose = Choose how to pay:
shop-product-no-way-to-pay = This product cannot be paid for here yet.
shop-invoice-description = { $title }: paid with Telegram Stars. It is added right after payment.
shop-mock-started = 🧪 Test payment started: it completes in a few seconds.
shop-pay-link = 💳 Pay { $amount } ₽
shop-pay-link-text = «{ $title }»: pay by card on the YooKassa page. The purchase is added as soon as the payment goes through.
shop-subscribe = ⭐ Subscribe: { $amount } ⭐ a month
shop-subscribe-text = «{ $title }» renews every month with Telegram Stars. Cancel any time with /cancel; access stays to the end of the paid month.
cancel-none = You have no plans that renew by themselves.
cancel-done = Renewal of «{ $title }» is off. Access stays until { $until }.
command-cancel = Stop a subscription from renewing
shop-unavailable = This product is not on sale any more.
precheckout-not_found = This order was not found. Please start the purchase again.
precheckout-not_pending = This order is already paid or closed.
precheckout-expired = This order has expired. Please start the purchase again.
precheckout-mismatch = The price has changed. Please start the purchase again.
precheckout-inactive = This product is not on sale any more.
precheckout-banned = Purchases are not available for your account.
precheckout-wrong_user = This invoice was issued to another user.
precheckout-promo_exhausted = This promo code has no uses left. Please start the purchase again.
precheckout-promo_invalid = This promo code is no longer valid. Please start the purchase again.
receipt-credits = ✅ Payment received: +{ $credits } credits. Balance: { $balance }.
receipt-plan = ✅ Payment received: «{ $title }» is active until { $until }.
receipt-course = ✅ Payment received: you are enrolled in «{ $title }».
receipt-digital = ✅ Payment received: here is «{ $title }».
receipt-refunded = ↩️ Your payment for «{ $title }» was refunded.
orders-title = 🧾 Your orders:
orders-empty = You have no orders yet.
orders-line = { $date } · { $title } · { $amount } { $currency } · { $status ->
        [paid] paid
        [pending] awaiting payment
        [refunded] refunded
        [expired] expired
       *[other] cancelled
    }
paysupport = For help with a payment, write to us here and describe the problem with the date and the product. Refunds follow the seller's terms; a refunded purchase is taken back.
command-buy = Buy credits and plans
command-orders = Your orders
admin-sale = 💰 Sale: «{ $title }» — { $amount } { $currency } via { $provider }. Buyer: { $buyer } (id { $telegramId }). Order { $orderId }.
admin-mismatch = ⚠️ Payment does not match order { $orderId }: { $reason }. Not settled; please check.

## Access

access-links = 🔑 Your access: one personal link per chat. Links work once and only for you.
access-join = Join «{ $title }»
access-join-offer = 🔒 «{ $chat }» is for members of «{ $plan }». Get the plan and your request to join is approved at once.
access-reminder = ⏳ Your plan «{ $title }» ends on { $until } ({ $days ->
        [one] { $days } day left
       *[other] { $days } days left
    }). Renew it to keep your access.
access-renew = 🔄 Renew
access-expired = Your plan «{ $title }» has ended, and access to its chats is closed. Renew it any time to come back.
status-none = You have no plans yet. See /buy.
status-line = • «{ $title }» — { $status ->
        [active] active until { $until }
        [expired] ended on { $until }
        [cancelled] cancelled, ended on { $until }
       *[other] { $status }, until { $until }
    }
status-chats = Chats: { $chats }
command-status = Your plans and access

## Promo codes

promo-applied = 🎟 Promo code { $code } is applied to your next purchase.
promo-free-days = 🎁 «{ $title }» is yours for free until { $until }.
promo-usage = Send the code like this: /promo SUMMER25
promo-ask = 🎟 Have a promo code? Send it like this: /promo CODE
promo-button = 🎟 Have a promo code?
promo-note = 🎟 Promo code { $code } will be applied at checkout.
promo-refused-unknown = There is no such promo code.
promo-refused-inactive = This promo code is switched off.
promo-refused-not_started = This promo code is not valid yet.
promo-refused-expired = This promo code has expired.
promo-refused-exhausted = This promo code has been used up.
promo-refused-used = You have already used this promo code.
promo-refused-not_applicable = This promo code does not apply to this product.
command-promo = Enter a promo code

## Partners

partner-text =
    🤝 Your partner link:
    { $link }

    Clicks: { $clicks }
    Sign-ups: { $signups }
    Paying users: { $payers }
partner-money = { $currency }: revenue { $revenue }, commission { $earned } (held { $held }), paid out { $paidOut }, due { $due }
partner-terms = You earn { $percent }% of what the people you bring pay; it becomes available { $days } days after each payment.
command-partner = Partner program

## Errors

error-generic = Sorry, something went wrong on our side. Please try again in a minute.
error-rate-limited = You are going too fast. Please wait a few seconds and try again.
unknown-command = I don't know this command. Send /help to see what I can do.
unhandled-message = Use the menu below, or send /help to see what I can do.
user-blocked = Sorry, this bot is not available to you. If you think this is a mistake, please contact the owner of the bot.

login-confirm = Sign in to the { $bot } store on a new device? Only say yes if you just asked for it yourself.
login-yes = ✅ Yes, sign in
login-no = ❌ No
login-confirmed = ✅ Signed in. Go back to the app: it continues by itself.
login-denied = Sign-in refused. Nothing was changed.
sessions-title = 📱 Devices signed in to the store app:
sessions-line = { $n }. { $device } (since { $since })
sessions-empty = No device is signed in to the store app.
sessions-end = Sign out device { $n }
sessions-end-all = Sign out everywhere
sessions-ended = Signed out.
command-sessions = Devices signed in to the store app
