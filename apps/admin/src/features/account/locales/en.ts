const en = {
  title: "Your account",
  description: "How you sign in, and the Telegram account the bots know you by.",
  telegram: {
    title: "Telegram",
    why: "Link your Telegram account so the bots know you: reviewers get homework, assistants get tasks, admins get /admin.",
    linked: "Linked to Telegram account {id}.",
    notLinked: "No Telegram account is linked.",
    link: "Link Telegram",
    relink: "Link another account",
    unlink: "Unlink",
    unlinked: "Telegram account unlinked",
    justLinked: "Telegram account linked",
    codeTitle: "Send this to one of your bots",
    codeHint: "Open a bot below and press Start, or send it the command. The code works until {time}.",
    open: "Open @{bot}",
    noBots: "No bot is connected yet. Connect one on the Bots page first.",
    waiting: "Waiting for the bot…",
  },
  password: {
    title: "Password",
    current: "Current password",
    next: "New password",
    nextHint: "At least 10 characters. Your other sessions end when it changes.",
    save: "Change password",
    changed: "Password changed",
    tooShort: "Use at least 10 characters.",
    required: "Enter your current password.",
  },
};

export default en;
