broadcast-product-gone = This product is no longer on sale.
broadcast-button-gone = This offer is no longer available.
