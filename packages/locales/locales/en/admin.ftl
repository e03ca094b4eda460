## /admin in the bot, for operators with a linked Telegram account

admin-not-operator = This is for operators of the bot. Link your Telegram account from the admin panel first.
admin-today =
    📊 Today ({ $day }, UTC)
    New users: { $users }
    Revenue: { $revenue }
    Open tasks: { $open }
    Overdue tasks: { $overdue }
admin-no-revenue = none yet
admin-grant-button = 🎁 Grant credits
admin-bots-button = 🤖 Pause or resume bots
admin-grant-usage = To grant credits, send: /grant <Telegram id> <amount> [reason]
admin-grant-unknown-user = No user with Telegram id { $telegramId } has written to the bots yet.
admin-granted = ✅ { $amount } credits granted to { $name }. Balance: { $balance }.
admin-forbidden = Your role does not allow this.
admin-bots-title = Bots (tap to pause or resume):
admin-bot-line = { $enabled ->
        [yes] ▶️
       *[no] ⏸
    } @{ $username }
admin-bot-paused = ⏸ @{ $username } is paused.
admin-bot-resumed = ▶️ @{ $username } is running again.
