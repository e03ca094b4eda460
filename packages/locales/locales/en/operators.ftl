## Operators linking their Telegram account (/start op_<code> from the admin panel)

operator-linked = Done: this Telegram account is now linked to { $email } ({ $role }) in the admin panel.
operator-link-invalid = This link code is unknown or has expired. Ask for a new one in the admin panel (your account menu → Link Telegram).
operator-link-taken = This Telegram account is already linked to another operator. Unlink it there first.
operator-role-owner = owner
operator-role-admin = admin
operator-role-operator = operator
operator-role-reviewer = reviewer
operator-role-assistant = assistant
