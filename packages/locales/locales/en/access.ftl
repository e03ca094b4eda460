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
