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
