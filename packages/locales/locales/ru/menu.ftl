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
