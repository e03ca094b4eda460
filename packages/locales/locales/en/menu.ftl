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
