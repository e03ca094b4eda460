## Promo codes

promo-applied = 🎟 Промокод { $code } будет применён к следующей покупке.
promo-free-days = 🎁 «{ $title }» — бесплатно до { $until }.
promo-usage = Отправьте код так: /promo SUMMER25
promo-ask = 🎟 Есть промокод? Отправьте его так: /promo КОД
promo-button = 🎟 Есть промокод?
promo-note = 🎟 Промокод { $code } будет применён при оплате.
promo-refused-unknown = Такого промокода нет.
promo-refused-inactive = Этот промокод отключён.
promo-refused-not_started = Этот промокод ещё не действует.
promo-refused-expired = Срок действия промокода истёк.
promo-refused-exhausted = Промокод закончился.
promo-refused-used = Вы уже использовали этот промокод.
promo-refused-not_applicable = Промокод не действует на этот товар.
command-promo = Ввести промокод
