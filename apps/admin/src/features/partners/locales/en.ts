const en = {
  nav: "Partners",
  title: "Partners",
  description:
    "Who brings buyers: clicks on their link, sign-ups, paying users, revenue, and commission still held and due.",
  table: "Partners",
  search: "Code, name, @username or Telegram id…",
  columns: {
    partner: "Partner",
    code: "Code",
    clicks: "Clicks",
    signups: "Sign-ups",
    paying: "Paying",
    revenue: "Revenue",
    held: "Held",
    due: "Due",
    since: "Partner since",
    actions: "Actions",
  },
  payout: {
    action: "Record payout",
    actionFor: "Record a payout to {name}",
    title: "Record a payout to {name}",
    description:
      "Records money you paid the partner outside Lumen. Only commission past its hold is due; held commission waits.",
    currency: "Currency",
    nothing: "No commission yet.",
    amountRUB: "Amount, ₽",
    amountXTR: "Amount, Stars",
    amountHint: "At most {due}, the commission due.",
    amountInvalidRUB: "Enter rubles, e.g. 150 or 150.50",
    amountInvalidXTR: "Enter a whole number of Stars",
    amountTooHigh: "Only {due} is due",
    note: "Note",
    noteHint: "How it was paid, a transfer reference… Kept in the audit log.",
    noteTooLong: "At most 500 characters",
    submit: "Record payout",
    done: "Payout of {amount} recorded; {due} still due",
  },
};

export default en;
