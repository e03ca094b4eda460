## /admin в боте, для операторов с привязанным Telegram

admin-not-operator = Это для операторов бота. Сначала привяжите Telegram в админ-панели.
admin-today =
    📊 Сегодня ({ $day }, UTC)
    Новых пользователей: { $users }
    Выручка: { $revenue }
    Открытых задач: { $open }
    Просроченных задач: { $overdue }
admin-no-revenue = пока нет
admin-grant-button = 🎁 Начислить кредиты
admin-bots-button = 🤖 Остановить или запустить ботов
admin-grant-usage = Чтобы начислить кредиты, отправьте: /grant <Telegram id> <сумма> [причина]
admin-grant-unknown-user = Пользователь с Telegram id { $telegramId } ещё не писал ботам.
admin-granted = ✅ Начислено { $amount } кредитов: { $name }. Баланс: { $balance }.
admin-forbidden = Ваша роль этого не позволяет.
admin-bots-title = Боты (нажмите, чтобы остановить или запустить):
admin-bot-line = { $enabled ->
        [yes] ▶️
       *[no] ⏸
    } @{ $username }
admin-bot-paused = ⏸ @{ $username } остановлен.
admin-bot-resumed = ▶️ @{ $username } снова работает.
