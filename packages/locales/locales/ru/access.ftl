## Access

access-links = 🔑 Ваш доступ: по одной личной ссылке на каждый чат. Ссылки одноразовые и только для вас.
access-join = Вступить в «{ $title }»
access-join-offer = 🔒 «{ $chat }» — для участников тарифа «{ $plan }». Оформите тариф, и заявка на вступление будет сразу одобрена.
access-reminder = ⏳ Ваш тариф «{ $title }» заканчивается { $until } ({ $days ->
        [one] остался { $days } день
        [few] осталось { $days } дня
       *[many] осталось { $days } дней
    }). Продлите, чтобы сохранить доступ.
access-renew = 🔄 Продлить
access-expired = Ваш тариф «{ $title }» закончился, доступ к его чатам закрыт. Продлите в любой момент, чтобы вернуться.
status-none = У вас пока нет тарифов. Смотрите /buy.
status-line = • «{ $title }» — { $status ->
        [active] действует до { $until }
        [expired] закончился { $until }
        [cancelled] отменён, закончился { $until }
       *[other] { $status }, до { $until }
    }
status-chats = Чаты: { $chats }
command-status = Ваши тарифы и доступ
