/** The store's English strings; `ru.ts` must have the same keys (tsc checks it). */
const en = {
  title: "Store",
  nav: { catalog: "Store", account: "My account" },
  catalog: {
    empty: "Nothing is on sale yet.",
    credits: "{count} credits",
    plan: "{days}-day plan",
    planChats: "{days}-day plan · {chats} chats",
    from: "from",
  },
  product: {
    currency: "Pay with",
    stars: "Stars",
    roubles: "Roubles",
    promo: "Promo code",
    promoHint: "Optional. Applied when you pay.",
    pay: "Pay {price}",
    paying: "Opening the payment…",
    cancelled: "Payment cancelled. Nothing was charged.",
    failed: "The payment did not go through. Try again.",
    questions: "{count} AI questions per period",
    chats: "Opens {count} Telegram chats",
  },
  order: {
    waiting: "Waiting for the payment…",
    waitingHint: "This page updates by itself once Telegram confirms the payment.",
    stillWaiting: "The payment is not confirmed yet.",
    checkAgain: "Check again",
    paid: "Payment received",
    balance: "Your balance: {count} credits",
    planEnds: "Your plan runs until {date}",
    cancelled: "This order was cancelled.",
    expired: "This order expired before it was paid.",
    refunded: "This order was refunded.",
    backToStore: "Back to the store",
  },
  account: {
    balance: "Balance",
    credits: "{count} credits",
    plans: "Plans",
    noPlans: "No plans yet.",
    until: "until {date}",
    renews: "renews",
  },
  outside: {
    title: "Open this store from Telegram",
    body: "This store works inside Telegram: open the bot and tap its Store button.",
  },
  errors: {
    generic: "Something went wrong. Try again.",
    network: "No connection to the store. Check your connection and try again.",
    notFound: "This product is not on sale.",
    expired: "This store session has expired. Close the store and open it again from the bot.",
    retry: "Try again",
  },
} as const;

export default en;
