## Promo codes

promo-applied = 🎟 Promo code { $code } is applied to your next purchase.
promo-free-days = 🎁 «{ $title }» is yours for free until { $until }.
promo-usage = Send the code like this: /promo SUMMER25
promo-ask = 🎟 Have a promo code? Send it like this: /promo CODE
promo-button = 🎟 Have a promo code?
promo-note = 🎟 Promo code { $code } will be applied at checkout.
promo-refused-unknown = There is no such promo code.
promo-refused-inactive = This promo code is switched off.
promo-refused-not_started = This promo code is not valid yet.
promo-refused-expired = This promo code has expired.
promo-refused-exhausted = This promo code has been used up.
promo-refused-used = You have already used this promo code.
promo-refused-not_applicable = This promo code does not apply to this product.
command-promo = Enter a promo code
