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
