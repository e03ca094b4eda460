## Courses: lessons, onboarding, progress

course-lesson-heading = 📘 Day { $day } of { $total }: { $title }
course-homework = 📝 Homework: { $prompt }
course-homework-required = The next lesson opens when you send your homework.
course-homework-how = Send your answer as a reply to this message: text, photos, documents or a voice note.
course-mark-done = ✅ Mark as done
course-marked-done = Marked as done ✓
course-quiz = ❓ { $question }
course-quiz-right = ✅ Right!
course-quiz-wrong = ❌ Not quite. The right answer: { $answer }
course-quiz-answered = You have answered this question already.
course-welcome = 🎓 Welcome to «{ $title }» ({ $tariff })! One lesson a day; the first one comes right away.
course-upgraded = ⬆️ You are now on { $tariff } in «{ $title }».
course-ask-timezone = Where are you? Lessons come at your local time. Pick your time zone (now: { $timezone }).
course-ask-hour = At what hour should lessons come (now: { $hour }:00)?
course-schedule-saved = 🕘 Lessons will come at { $hour }:00, { $timezone }.
course-chats = Your course chats — personal links that work once:
course-chat-join = Join «{ $title }»
course-none = You are not on a course yet. See /buy.
course-lessons-title = 📚 «{ $title }»: your lessons
course-lesson-row = { $state ->
        [done] ✓
        [current] ▶
       *[locked] 🔒
    } { $day }. { $title }
course-locked = 🔒 This lesson opens on its day.
course-prev = ◀ Previous
course-next = Next ▶
course-back = ☰ Lessons
course-page = 🎓 «{ $title }» — { $tariff }
    { $bar } { $done } of { $total } lessons
course-next-lesson = Next lesson: { $when } ({ $timezone }).
course-next-waiting = Next lesson: after your homework for day { $day }.
course-finished = 🏁 You have finished the course.
course-change-schedule = 🕘 Change time
command-lessons = Your course lessons
command-course = Your course and progress
course-homework-received = ✅ Homework received. Well done!
course-homework-to-review = 📨 Homework received: a reviewer will look at it soon.
course-upgrade-offer = ⬆️ Want more? Move up a tariff and pay only the difference:
course-upgrade-for-feedback = 💡 On a tariff with feedback, a reviewer would answer this homework. Upgrade and pay only the difference:
course-upgrade-stars = ⬆️ Upgrade to { $tariff } — { $amount } ⭐
course-upgrade-rub = ⬆️ Upgrade to { $tariff } — { $amount } ₽
course-feedback = 💬 Feedback on day { $day } «{ $title }»{ $grade ->
        [0] {""}
       *[other] {" "}— grade { $grade }
    }:
    { $feedback }
course-feedback-redo = 🔁 Please redo the homework for day { $day } «{ $title }»:
    { $feedback }
    Reply to the lesson with your new answer.
review-header = 📝 Homework · «{ $course }» · day { $day } «{ $lesson }»
    { $student } · { $tariff }
review-take = 🙋 Take
review-taken = 👤 Taken by { $reviewer }. Reply to this message with feedback (start with a grade like 5/5, or with "redo").
review-reviewed = ✅ Reviewed by { $reviewer }: grade { $grade }
review-reviewed-ungraded = ✅ Reviewed by { $reviewer }
review-sent-back = 🔁 Sent back to redo by { $reviewer }
review-taken-short = Taken
review-held = ⛔ { $reviewer } has already taken this homework: only they can review it now.
review-closed = ⛔ This homework is already reviewed or needs no review.
review-not-linked = Link your Telegram account on the panel's Account page first.
review-sent = ✅ Feedback sent to the student.
review-redo-sent = 🔁 Sent back to the student to redo.
course-completed = 🏆 Congratulations! You have completed «{ $title }». Here is your certificate.
certificate-heading = Certificate of completion
certificate-intro = This certifies that
certificate-completed = has completed the course
certificate-verify = Verification code { $code }: { $url }

# Lesson media sent through the bot by an operator (the panel's "Send media through the bot")
course-media-send = Send the photo, video, document or voice for lesson «{ $lesson }» now, in this chat. The next file you send here becomes the lesson's media.
course-media-saved = Saved: this { $kind } is now the media of lesson «{ $lesson }». The panel shows it in a moment.
course-media-unknown = This media link is unknown. Press "Send media through the bot" in the lesson editor again.
course-media-expired = This media link has expired (they last 10 minutes). Press "Send media through the bot" in the lesson editor again.
course-media-used = This media link was already used. To replace the file, press "Send media through the bot" in the lesson editor again.
course-media-wrong-operator = This media link belongs to another operator's panel session. Open the lesson editor yourself, with your Telegram account linked.
course-media-kind-photo = photo
course-media-kind-video = video
course-media-kind-document = document
course-media-kind-voice = voice message
