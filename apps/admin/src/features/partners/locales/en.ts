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
  },
};

export default en;
