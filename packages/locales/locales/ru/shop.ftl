## Shop

shop-title = 💳 Выберите, что купить:
shop-empty = Пока ничего не продаётся. Загляните позже.
shop-price-stars = { $title } — { $amount } ⭐
shop-price-rub = { $title } — { $amount } ₽
shop-price-mock = 🧪 { $title } — тестовая оплата
menu-store = 🛍 Магазин
shop-open-in-store = 🛍 Открыть в магазине
shop-product-choose = Выберите способ оплаты:
shop-product-no-way-to-pay = Этот товар пока нельзя оплатить здесь.
shop-invoice-description = { $title }: оплата в Telegram Stars. Зачисляется сразу после оплаты.
shop-mock-started = 🧪 Тестовая оплата начата: завершится через несколько секунд.
shop-pay-link = 💳 Оплатить { $amount } ₽
shop-pay-link-text = «{ $title }»: оплата картой на странице ЮKassa. Покупка зачисляется сразу после оплаты.
shop-subscribe = ⭐ Подписаться: { $amount } ⭐ в месяц
shop-subscribe-text = «{ $title }» продлевается каждый месяц через Telegram Stars. Отменить можно в любой момент командой /cancel; доступ сохранится до конца оплаченного месяца.
cancel-none = У вас нет тарифов с автопродлением.
cancel-done = Автопродление «{ $title }» отключено. Доступ сохранится до { $until }.
command-cancel = Отключить автопродление
shop-unavailable = Этот товар больше не продаётся.
shop-newcomers-only = Это предложение только для первой покупки. Загляните в другие товары: /buy.
precheckout-not_found = Заказ не найден. Начните покупку заново.
precheckout-not_pending = Этот заказ уже оплачен или закрыт.
precheckout-expired = Срок заказа истёк. Начните покупку заново.
precheckout-mismatch = Цена изменилась. Начните покупку заново.
precheckout-inactive = Этот товар больше не продаётся.
precheckout-banned = Покупки недоступны для вашего аккаунта.
precheckout-wrong_user = Этот счёт выставлен другому пользователю.
precheckout-promo_exhausted = У этого промокода закончились использования. Начните покупку заново.
precheckout-promo_invalid = Этот промокод больше не действует. Начните покупку заново.
precheckout-newcomers_only = Это предложение только для первой покупки. Загляните в другие товары: /buy.
precheckout-upgrade_changed = Ваше место на курсе изменилось после оформления заказа. Откройте /course, чтобы увидеть доступные повышения тарифа.
receipt-credits = ✅ Оплата получена: +{ $credits } кредитов. Баланс: { $balance }.
receipt-plan = ✅ Оплата получена: «{ $title }» действует до { $until }.
receipt-course = ✅ Оплата получена: вы записаны на «{ $title }».
receipt-digital = ✅ Оплата получена: вот «{ $title }».
receipt-refunded = ↩️ Оплата за «{ $title }» возвращена.
orders-title = 🧾 Ваши заказы:
orders-empty = У вас пока нет заказов.
orders-line = { $date } · { $title } · { $amount } { $currency } · { $status ->
        [paid] оплачен
        [pending] ждёт оплаты
        [refunded] возвращён
        [expired] истёк
       *[other] отменён
    }
paysupport = По вопросам оплаты напишите нам сюда: опишите проблему, укажите дату и товар. Возвраты — по условиям продавца; при возврате покупка отзывается.
command-buy = Купить кредиты и тарифы
command-orders = Ваши заказы
admin-sale = 💰 Продажа: «{ $title }» — { $amount } { $currency } через { $provider }. Покупатель: { $buyer } (id { $telegramId }). Заказ { $orderId }.
admin-mismatch = ⚠️ Оплата не совпадает с заказом { $orderId }: { $reason }. Не зачислено, проверьте.
