## Operators linking their Telegram account (/start op_<code> from the admin panel)

operator-linked = Готово: этот аккаунт Telegram привязан к { $email } ({ $role }) в админ-панели.
operator-link-invalid = Код привязки неизвестен или устарел. Получите новый в админ-панели (меню аккаунта → Привязать Telegram).
operator-link-taken = Этот аккаунт Telegram уже привязан к другому оператору. Сначала отвяжите его там.
operator-role-owner = владелец
operator-role-admin = администратор
operator-role-operator = оператор
operator-role-reviewer = проверяющий
operator-role-assistant = ассистент
