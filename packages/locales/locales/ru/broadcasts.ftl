broadcast-product-gone = Этот товар больше не продаётся.
broadcast-button-gone = Это предложение больше недоступно.
