import { createYooKassaClient, type YooKassaSettings } from "@lumen/core";
import type { Config } from "../config.ts";

/** YooKassa direct, when the shop id and key are set; otherwise RUB goes through Telegram Payments, if at all. */
export function createYooKassaSettings(config: Config): YooKassaSettings | undefined {
  if (!config.YOOKASSA_SHOP_ID || !config.YOOKASSA_SECRET_KEY) return undefined;
  return {
    client: createYooKassaClient({
      apiUrl: config.YOOKASSA_API_URL,
      shopId: config.YOOKASSA_SHOP_ID,
      secretKey: config.YOOKASSA_SECRET_KEY,
    }),
    returnUrl: config.YOOKASSA_RETURN_URL ?? config.PUBLIC_URL ?? "https://t.me",
    receipts: {
      enabled: config.YOOKASSA_RECEIPTS,
      vatCode: config.YOOKASSA_VAT_CODE,
      defaultEmail: config.YOOKASSA_RECEIPT_EMAIL,
    },
  };
}
