## Tasks: delegated to human assistants

menu-new-task = 📝 New task
menu-my-tasks = 📋 My tasks
command-task = Give a task to an assistant
command-tasks = Your tasks

task-no-plan = Tasks are done by our human assistants and come with a plan. Choose one to start:
task-quota-exhausted = You have used all { $total } tasks of «{ $plan }» for this period. Upgrade your plan to give more:
task-see-plans = 💳 See plans
task-write =
    📝 What should the assistant do? Describe it in one or more messages; you can attach photos, documents or voice messages.
    Tasks left this period: { $left }.
    Press «Next» when you are done.
task-next = ➡️ Next
task-discard = ✖️ Cancel
task-discarded = The new task was discarded.
task-added = ✔️ Added. Send more or press «Next».
task-write-first = Describe the task first: send a message, a photo, a document or a voice message.
task-deadline-ask = ⏰ By when? Choose, or send a date and time like 2026-12-31 18:00 ({ $zone }).
task-deadline-3h = In 3 hours
task-deadline-24h = In 24 hours
task-deadline-3d = In 3 days
task-deadline-none = No deadline
task-deadline-invalid = I could not read that date. Send it like 2026-12-31 18:00 ({ $zone }), in the future.
task-priority-ask = How urgent is it?
task-priority-normal = Normal
task-priority-high = 🔥 Urgent
task-confirm =
    Please check your task:

    { $text }
    📎 Attachments: { $files }
    ⏰ Deadline: { $deadline }
    Priority: { $priority }
task-no-deadline = none
task-priority-name = { $priority ->
        [high] urgent
       *[normal] normal
    }
task-create = ✅ Create the task
task-created = ✅ Task created: { $title }. An assistant will take it soon; I will tell you here.
task-message-sent = ✉️ Sent to the assistant on your task «{ $title }».
task-message-too-many = ⏳ Too many messages to this task at once: the assistant is a person. Wait { $seconds } s and write again; this message was not sent.
task-ask-ai-instead = 🤖 Ask the AI this instead
task-ai-also = 🤖 Asking the AI. Your message stays in the task too.
task-list-title = 📋 Your tasks:
task-list-empty = You have no tasks yet. Press «New task» to give one.
task-line = { $title } — { $status ->
            [new] 🆕 waiting for an assistant
            [in_progress] 🛠 in progress
            [waiting] ❓ waiting for you
            [done] ✅ done
           *[cancelled] ✖️ cancelled
        }
task-view =
    📝 { $text }
    Status: { $status ->
            [new] 🆕 waiting for an assistant
            [in_progress] 🛠 in progress
            [waiting] ❓ waiting for you
            [done] ✅ done
           *[cancelled] ✖️ cancelled
        }
    ⏰ Deadline: { $deadline }
task-view-result = Result: { $result }
task-view-rating = Your rating: { $rating } ⭐
task-conversation = Conversation:
task-from-you = 👤 You
task-from-assistant = 🧑‍💼 Assistant
task-cancel = ✖️ Cancel the task
task-cancelled = The task «{ $title }» is cancelled; it does not count against your plan.
task-cancel-taken = An assistant has already taken this task, so it can no longer be cancelled.
task-closed = This task is closed.
task-back = ⬅️ My tasks
task-taken-user = 🛠 An assistant took your task «{ $title }».
task-relay-assistant = 🧑‍💼 Assistant, on «{ $title }»:
    { $text }
task-relay-question = ❓ The assistant asks, on «{ $title }»:
    { $text }
    Just reply here.
task-done-user =
    ✅ Your task «{ $title }» is done.
    Result: { $result }
    Is everything right?
task-accept = 👍 Yes, thanks
task-reopen = 🔁 No, reopen it
task-reopened-user = 🔁 The task «{ $title }» is reopened; the assistant will continue.
task-rate-ask = Please rate the assistant's work:
task-rated = Thank you! Reply to this message with a comment if you like.
task-comment-saved = 💬 Comment saved. Thank you!
task-cancelled-user = ✖️ Your task «{ $title }» was cancelled.

## The assistants' side

task-card =
    🆕 Task from { $user }
    { $text }
    ⏰ Deadline: { $deadline } · Priority: { $priority }
    📎 { $files }
task-card-taken = 🛠 Taken by { $assistant }
task-card-done = ✅ Done by { $assistant }
task-card-cancelled = ✖️ Cancelled
task-take = 🙋 Take
task-taken-by-other = Someone else has taken this task.
task-taken-you =
    🛠 You took the task. Reply to this message to write to the subscriber.
    Use the buttons to ask for details, hand it over or mark it done.
task-ask-details = ❓ Ask for details
task-hand-over = 🔄 Hand over
task-mark-done = ✅ Done
task-reply-to-write = Reply to this message with your text.
task-ask-prompt = Reply to this message with your question; the subscriber will see it as «waiting for you».
task-done-prompt = Reply to this message with the result; the task will be marked done.
task-hand-to = Hand the task over to:
task-hand-anyone = 🔄 Back to anyone
task-handed-to = 🔄 The task is now { $assistant }'s.
task-handed-over = 🔄 The task is back in the work chat for anyone to take.
task-relay-user = 👤 Subscriber, on «{ $title }»:
    { $text }
task-sent = ✉️ Sent to the subscriber.
task-marked-done = ✅ Marked done. The subscriber will confirm it.
task-reopened-assistant = 🔁 The subscriber reopened «{ $title }».
task-rated-assistant = ⭐ The subscriber rated «{ $title }»: { $rating }/5. { $comment }
task-not-linked = Link your Telegram account to your operator account first (admin panel → your profile).
task-not-yours = This task is another assistant's.
task-reminder = ⏰ The deadline of «{ $title }» is { $deadline }.
task-alert-overdue = ⚠️ Overdue: «{ $title }» (deadline { $deadline }), { $assistant }.
task-alert-untaken = ⚠️ Nobody has taken «{ $title }» since { $since }.
task-nobody = nobody
