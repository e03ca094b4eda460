export * from "./start-checkout.ts";
export * from "./sync-payment.ts";
export * from "./yookassa-client.ts";
