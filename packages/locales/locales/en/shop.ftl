## Shop

shop-title = 💳 Choose what to buy:
shop-empty = Nothing is on sale yet. Please come back later.
shop-price-stars = { $title } — { $amount } ⭐
shop-price-rub = { $title } — { $amount } ₽
shop-price-mock = 🧪 { $title } — test payment
menu-store = 🛍 Store
shop-open-in-store = 🛍 Open in the store
shop-product-choose = Choose how to pay:
shop-product-no-way-to-pay = This product cannot be paid for here yet.
shop-invoice-description = { $title }: paid with Telegram Stars. It is added right after payment.
shop-mock-started = 🧪 Test payment started: it completes in a few seconds.
shop-pay-link = 💳 Pay { $amount } ₽
shop-pay-link-text = «{ $title }»: pay by card on the YooKassa page. The purchase is added as soon as the payment goes through.
shop-subscribe = ⭐ Subscribe: { $amount } ⭐ a month
shop-subscribe-text = «{ $title }» renews every month with Telegram Stars. Cancel any time with /cancel; access stays to the end of the paid month.
cancel-none = You have no plans that renew by themselves.
cancel-done = Renewal of «{ $title }» is off. Access stays until { $until }.
command-cancel = Stop a subscription from renewing
shop-unavailable = This product is not on sale any more.
shop-newcomers-only = This offer is only for a first purchase. Have a look at the other products in /buy.
precheckout-not_found = This order was not found. Please start the purchase again.
precheckout-not_pending = This order is already paid or closed.
precheckout-expired = This order has expired. Please start the purchase again.
precheckout-mismatch = The price has changed. Please start the purchase again.
precheckout-inactive = This product is not on sale any more.
precheckout-banned = Purchases are not available for your account.
precheckout-wrong_user = This invoice was issued to another user.
precheckout-promo_exhausted = This promo code has no uses left. Please start the purchase again.
precheckout-promo_invalid = This promo code is no longer valid. Please start the purchase again.
precheckout-newcomers_only = This offer is only for a first purchase. Have a look at the other products in /buy.
precheckout-upgrade_changed = Your place on this course has changed since this order was made. Open /course to see what you can upgrade to now.
receipt-credits = ✅ Payment received: +{ $credits } credits. Balance: { $balance }.
receipt-plan = ✅ Payment received: «{ $title }» is active until { $until }.
receipt-course = ✅ Payment received: you are enrolled in «{ $title }».
receipt-digital = ✅ Payment received: here is «{ $title }».
receipt-refunded = ↩️ Your payment for «{ $title }» was refunded.
orders-title = 🧾 Your orders:
orders-empty = You have no orders yet.
orders-line = { $date } · { $title } · { $amount } { $currency } · { $status ->
        [paid] paid
        [pending] awaiting payment
        [refunded] refunded
        [expired] expired
       *[other] cancelled
    }
paysupport = For help with a payment, write to us here and describe the problem with the date and the product. Refunds follow the seller's terms; a refunded purchase is taken back.
command-buy = Buy credits and plans
command-orders = Your orders
admin-sale = 💰 Sale: «{ $title }» — { $amount } { $currency } via { $provider }. Buyer: { $buyer } (id { $telegramId }). Order { $orderId }.
admin-mismatch = ⚠️ Payment does not match order { $orderId }: { $reason }. Not settled; please check.
