// biome-ignore-all assist/source/organizeImports: one name per line, grouped by domain, so that merges stay easy
/**
 * What transports (the server's HTTP routes, bot handlers and jobs, the CLI, bench) may call:
 * verbs, their input and output types, and the few shared tools they need. Everything else is
 * an internal step of a verb. One name per line, grouped by domain, so branches that add a verb
 * merge without conflict. Test-only checks live in @lumen/testkit.
 */

// access
export { decideInviteJoin } from "./access/chat-invites.ts";
export type { JoinRequestDecision } from "./access/join-request-paywall.ts";
export type { JoinRequestPort } from "./access/join-request-paywall.ts";
export { approveHeldJoinRequests } from "./access/join-request-paywall.ts";
export { decideJoinRequest } from "./access/join-request-paywall.ts";
export { declineStaleJoinRequests } from "./access/join-request-paywall.ts";
export { listLiveEnrollmentInvites, markInviteRevoked } from "./access/chat-invites.ts";
export { recordChatInvite } from "./access/chat-invites.ts";
export { findChannel } from "./access/get-channel.ts";
export { getChannel } from "./access/get-channel.ts";
export { listAccessLog } from "./access/list-access-log.ts";
export type { BuyerChat } from "./access/list-buyer-chats.ts";
export { findPlanOpeningChat } from "./access/list-buyer-chats.ts";
export { listBuyerChats } from "./access/list-buyer-chats.ts";
export type { ChannelView } from "./access/list-channels.ts";
export { listChannels } from "./access/list-channels.ts";
export { setChannelJoinMode } from "./access/list-channels.ts";
export { readAccessNotice } from "./access/read-access-notice.ts";
export { recordAccessEvent } from "./access/record-access-event.ts";
export { recordBotMembership } from "./access/record-bot-membership.ts";
export type { AccessSweepPort } from "./access/sweep-access.ts";
export type { ChatMemberStatus } from "./access/sweep-access.ts";
export { sweepAccess } from "./access/sweep-access.ts";

// analytics
export type { Dashboard } from "./analytics/get-dashboard.ts";
export { getDashboard } from "./analytics/get-dashboard.ts";
export { readAttentionFlags } from "./analytics/read-attention-flags.ts";
export { readAudience } from "./analytics/read-audience.ts";
export { readRevenue } from "./analytics/read-revenue.ts";
export { readSubscriptionFigures } from "./analytics/read-subscription-figures.ts";
export { readTopProducts } from "./analytics/read-top-products.ts";
export type { Period } from "./analytics/resolve-period.ts";
export { resolvePeriod } from "./analytics/resolve-period.ts";
export type { ProductFunnel } from "./analytics/store-events.ts";
export { EVENT_BATCH } from "./analytics/record-events.ts";
export type { EventInput } from "./analytics/record-events.ts";
export { pruneEvents } from "./analytics/prune-events.ts";
export { readDailyEventCounts } from "./analytics/read-daily-event-counts.ts";
export type { DailyEventCount } from "./analytics/read-daily-event-counts.ts";
export { recordEvents } from "./analytics/record-events.ts";
export { readProductFunnel } from "./analytics/store-events.ts";
export type { Cohort } from "./analytics/reports/read-cohorts.ts";
export { readCohorts } from "./analytics/reports/read-cohorts.ts";
export type { SourceRow } from "./analytics/reports/read-sources.ts";
export type { TrialConversion } from "./analytics/reports/read-trial-conversion.ts";
export { readSources } from "./analytics/reports/read-sources.ts";
export { readTrialConversion } from "./analytics/reports/read-trial-conversion.ts";
export type { FunnelReport } from "./analytics/reports/read-funnel-report.ts";
export { readFunnelReport } from "./analytics/reports/read-funnel-report.ts";
export type { RevenueGrouping } from "./analytics/reports/read-revenue-report.ts";
export type { RevenueRow } from "./analytics/reports/read-revenue-report.ts";
export { readRevenueReport } from "./analytics/reports/read-revenue-report.ts";
export { revenueGroupings } from "./analytics/reports/read-revenue-report.ts";
export { recordStoreEvents } from "./analytics/store-events.ts";

// assistant
export { askAssistant } from "./assistant/ask-assistant.ts";
export type { AssistantDeps } from "./assistant/ask-assistant.ts";
export { answerStyles } from "./assistant/assistant-config.ts";
export type { AssistantConfig } from "./assistant/assistant-config.ts";
export { parseModelList } from "./assistant/assistant-config.ts";
export { priceOf } from "./assistant/assistant-config.ts";
export { startNewConversation } from "./assistant/conversation.ts";
export { createOfflineChatModel } from "./assistant/offline-chat-model.ts";
export { getAssistantAccount } from "./assistant/get-assistant-account.ts";
export { getAssistantPreferences } from "./assistant/get-assistant-account.ts";
export { findFailedQuestion } from "./assistant/list-messages.ts";
export { listMessages } from "./assistant/list-messages.ts";
export { createOpenAIChatModel } from "./assistant/openai-chat-model.ts";
export { releaseStaleQuestions } from "./assistant/settle-question.ts";
export { startTrial } from "./assistant/start-trial.ts";
export { updateAssistantSettings } from "./assistant/update-assistant-settings.ts";

// audit
export { listAudit } from "./audit/list-audit.ts";
export { listAuditFacets } from "./audit/list-audit.ts";
export { recordAudit } from "./audit/record-audit.ts";

// auth
export { authenticateApiKey } from "./auth/authenticate-api-key.ts";
export { changeOperator } from "./auth/change-operator.ts";
export { createAdmin } from "./auth/create-admin.ts";
export { createApiKey } from "./auth/create-api-key.ts";
export { createOwnerAtSetup } from "./auth/first-run-setup.ts";
export { generateSetupCode } from "./auth/first-run-setup.ts";
export { isSetupOpen } from "./auth/first-run-setup.ts";
export { logIn } from "./auth/log-in.ts";
export { logOut } from "./auth/log-out.ts";
export { listApiKeys } from "./auth/manage-api-keys.ts";
export { revokeApiKey } from "./auth/manage-api-keys.ts";
export { inviteOperator } from "./auth/manage-operators.ts";
export { listOperators } from "./auth/manage-operators.ts";
export { changeOwnPassword } from "./auth/operator-credentials.ts";
export type { LinkedOperator } from "./auth/operator-telegram.ts";
export { findOperatorByTelegramId } from "./auth/operator-telegram.ts";
export { linkOperatorTelegram } from "./auth/operator-telegram.ts";
export { startOperatorTelegramLink } from "./auth/operator-telegram.ts";
export { unlinkOperatorTelegram } from "./auth/operator-telegram.ts";
export { resetOperatorPassword } from "./auth/operator-credentials.ts";
export { revokeOperatorSessions } from "./auth/operator-credentials.ts";
export type { Principal } from "./auth/principal.ts";
export { toActor } from "./auth/principal.ts";
export { pruneSessions } from "./auth/prune-sessions.ts";
export { SESSION_RETENTION_MS } from "./auth/prune-sessions.ts";
export { resolveSession } from "./auth/resolve-session.ts";
export { hasRole } from "./auth/roles.ts";
export { signSessionToken } from "./auth/session-token.ts";
export type { BuyerPrincipal } from "./auth/authenticate-init-data.ts";
export { authenticateInitData } from "./auth/authenticate-init-data.ts";
export { decideBuyerLogin } from "./auth/buyer-login.ts";
export { findPendingBuyerLogin } from "./auth/buyer-login.ts";
export { pollBuyerLogin } from "./auth/buyer-login.ts";
export { startBuyerLogin } from "./auth/buyer-login.ts";
export type { BuyerTokens } from "./auth/buyer-sessions.ts";
export { listBuyerSessions } from "./auth/buyer-sessions.ts";
export { refreshBuyerSession } from "./auth/buyer-sessions.ts";
export { resolveBuyerSession } from "./auth/buyer-sessions.ts";
export { revokeBuyerSessions } from "./auth/buyer-sessions.ts";
export { signOutBuyerEverywhere } from "./auth/buyer-sessions.ts";

// bots
export { isSoldWith, readBotFeatures } from "./bots/bot-features.ts";
export type { BotDisplayName } from "./bots/bot-display-name.ts";
export { getBotDisplayName } from "./bots/bot-display-name.ts";
export { findBotWebhookSecret } from "./bots/list-bots.ts";
export { listBots } from "./bots/list-bots.ts";
export { loadRunnableBot } from "./bots/list-bots.ts";
export { loadRunnableBots } from "./bots/list-bots.ts";
export type { RunnableBot } from "./bots/list-bots.ts";
export type { PublicBot } from "./bots/register-bot.ts";
export { registerBot } from "./bots/register-bot.ts";
export { resealBotTokens } from "./bots/reseal-bot-tokens.ts";
export { BOT_STAMP_EVERY_MS } from "./bots/stamp-bot-update.ts";
export { stampBotUpdate } from "./bots/stamp-bot-update.ts";
export { getBot } from "./bots/update-bot.ts";
export { updateBot } from "./bots/update-bot.ts";

// broadcasts
export { countAudience } from "./broadcasts/count-audience.ts";
export type { CampaignView } from "./broadcasts/campaign-settings.ts";
export { listCampaigns } from "./broadcasts/campaign-settings.ts";
export { updateCampaign } from "./broadcasts/campaign-settings.ts";
export { runCampaigns } from "./broadcasts/run-campaigns.ts";
export type { BroadcastInput } from "./broadcasts/broadcast-input.ts";
export { broadcastLanguages } from "./broadcasts/broadcast-input.ts";
export { cancelBroadcast } from "./broadcasts/broadcast-lifecycle.ts";
export { pauseBroadcast } from "./broadcasts/broadcast-lifecycle.ts";
export { resumeBroadcast } from "./broadcasts/broadcast-lifecycle.ts";
export { scheduleBroadcast } from "./broadcasts/broadcast-lifecycle.ts";
export { unscheduleBroadcast } from "./broadcasts/broadcast-lifecycle.ts";
export type { BroadcastReport } from "./broadcasts/broadcast-report.ts";
export { getBroadcastReport } from "./broadcasts/broadcast-report.ts";
export { findDueBroadcasts } from "./broadcasts/find-due-broadcasts.ts";
export { createBroadcast } from "./broadcasts/manage-broadcasts.ts";
export { getBroadcast } from "./broadcasts/manage-broadcasts.ts";
export { listBroadcasts } from "./broadcasts/manage-broadcasts.ts";
export { updateBroadcast } from "./broadcasts/manage-broadcasts.ts";
export { previewBroadcast } from "./broadcasts/preview-broadcast.ts";
export { recordBroadcastClick } from "./broadcasts/record-click.ts";
export { recordLinkClick } from "./broadcasts/record-click.ts";
export type { BroadcastMessage } from "./broadcasts/render-message.ts";
export type { RenderedButton } from "./broadcasts/render-message.ts";
export type { RunOutcome } from "./broadcasts/run-broadcast.ts";
export { runBroadcast } from "./broadcasts/run-broadcast.ts";
export { createBroadcastList } from "./broadcasts/saved-lists.ts";
export { listBroadcastLists } from "./broadcasts/saved-lists.ts";
export type { BroadcastSender } from "./broadcasts/sender-port.ts";
export type { SendOutcome } from "./broadcasts/sender-port.ts";

// catalog
export { getProduct } from "./catalog/get-product.ts";
export { listProducts } from "./catalog/get-product.ts";
export { priceIn } from "./catalog/get-product.ts";
export type { Product } from "./catalog/get-product.ts";
export { listCatalog } from "./catalog/list-catalog.ts";
export { createProduct } from "./catalog/manage-products.ts";
export { updateProduct } from "./catalog/manage-products.ts";
export type { ProductInput } from "./catalog/product-input.ts";
export { reorderProducts } from "./catalog/reorder-products.ts";
export { seedDemoCatalog } from "./catalog/seed-demo-catalog.ts";
export { getProductOnSale } from "./catalog/get-product.ts";

export { getProductForBuyer, isOfferOpenTo } from "./catalog/newcomer-offer.ts";
export { findRenewalProducts, listProductsForBuyer } from "./catalog/newcomer-offer.ts";
export { requireOfferOpenTo } from "./catalog/newcomer-offer.ts";
// courses
export { findCertificate } from "./courses/complete-course.ts";
export { readEnrollmentCertificate } from "./courses/complete-course.ts";
export type { CourseInput, LessonInput } from "./courses/course-input.ts";
export { courseInput } from "./courses/course-input.ts";
export { coursePatch } from "./courses/course-input.ts";
export { lessonInput } from "./courses/course-input.ts";
export { lessonPatch } from "./courses/course-input.ts";
export type { LessonClaim } from "./courses/deliver-lessons.ts";
export { claimDueLessons } from "./courses/deliver-lessons.ts";
export { finishDelivery } from "./courses/deliver-lessons.ts";
export { resumeBlockedEnrollments } from "./courses/deliver-lessons.ts";
export type { DripState, DripNext } from "./courses/drip-schedule.ts";
export { nextLessonDue } from "./courses/drip-schedule.ts";
export { isEnrolledInCourse } from "./courses/enrolled-users.ts";
export { findLiveEnrollment } from "./courses/enroll-in-course.ts";
export type { QuizResult } from "./courses/lesson-actions.ts";
export { answerQuiz } from "./courses/lesson-actions.ts";
export { markLessonDone } from "./courses/lesson-actions.ts";
export { listUserEnrollments } from "./courses/enrollment-settings.ts";
export type { EnrollmentView } from "./courses/list-enrollments.ts";
export { listEnrollments } from "./courses/list-enrollments.ts";
export type { CourseTariffView } from "./courses/list-tariffs.ts";
export { listCourseTariffs } from "./courses/list-tariffs.ts";
export type { CourseUpgrade } from "./courses/list-course-upgrades.ts";
export { listCourseUpgrades } from "./courses/list-course-upgrades.ts";
export { setEnrollmentSchedule } from "./courses/enrollment-settings.ts";
export { createCourse } from "./courses/manage-courses.ts";
export { findCourseByCode } from "./courses/manage-courses.ts";
export { getCourse } from "./courses/manage-courses.ts";
export { listCourses } from "./courses/manage-courses.ts";
export { updateCourse } from "./courses/manage-courses.ts";
export { addLesson } from "./courses/manage-lessons.ts";
export { listLessons } from "./courses/manage-lessons.ts";
export { reorderLessons } from "./courses/manage-lessons.ts";
export { setTariffChats } from "./courses/manage-lessons.ts";
export { updateLesson } from "./courses/manage-lessons.ts";
export type { LessonMediaCaptureStatus } from "./courses/start-lesson-media-capture.ts";
export type { LessonMediaCaptureView } from "./courses/start-lesson-media-capture.ts";
export { LESSON_MEDIA_CAPTURE_TTL_MS } from "./courses/start-lesson-media-capture.ts";
export { readLessonMediaCapture } from "./courses/start-lesson-media-capture.ts";
export { startLessonMediaCapture } from "./courses/start-lesson-media-capture.ts";
export type { LessonTelegramFile } from "./courses/read-lesson-media.ts";
export { readLessonMedia } from "./courses/read-lesson-media.ts";
export type { MediaCaptureRefusal } from "./courses/complete-lesson-media-capture.ts";
export { completeLessonMediaCapture } from "./courses/complete-lesson-media-capture.ts";
export { openLessonMediaCapture } from "./courses/complete-lesson-media-capture.ts";
export type { EnrollmentGrantView } from "./courses/read-grant.ts";
export { readEnrollmentGrant } from "./courses/read-grant.ts";
export type { CourseChatAccessEnded, CourseChatPort } from "./courses/end-course-chat-access.ts";
export { endCourseChatAccess } from "./courses/end-course-chat-access.ts";
export type { CourseProgress, LessonState } from "./courses/read-progress.ts";
export { readCourseProgress } from "./courses/read-progress.ts";
export type { CourseStats } from "./courses/read-course-stats.ts";
export { readCourseStats } from "./courses/read-course-stats.ts";
export type { SubmissionView } from "./courses/review-homework.ts";
export { claimSubmission } from "./courses/review-homework.ts";
export { findSubmissionByReviewMessage } from "./courses/review-homework.ts";
export { listSubmissions } from "./courses/review-homework.ts";
export { readSubmission } from "./courses/review-homework.ts";
export { recordReviewMessage } from "./courses/review-homework.ts";
export { reviewSubmission } from "./courses/review-homework.ts";
export type { HomeworkTarget, SubmittedHomework } from "./courses/submit-homework.ts";
export { findHomeworkTarget } from "./courses/submit-homework.ts";
export { submitHomework } from "./courses/submit-homework.ts";
export { isValidTimezone } from "./courses/zoned-time.ts";

// credits
export { adjustCredits } from "./credits/adjust-credits.ts";
export { changeCredits } from "./credits/change-credits.ts";
export { getCreditBalance } from "./credits/read-credits.ts";
export { listCreditLedger } from "./credits/read-credits.ts";

// jobs
export type { JobName } from "./jobs/job-catalog.ts";
export { jobNames } from "./jobs/job-catalog.ts";
export type { JobPayload } from "./jobs/job-catalog.ts";
export { parseJobPayload } from "./jobs/job-catalog.ts";
export type { Outbox } from "./jobs/outbox.ts";
export { queueJob } from "./jobs/outbox.ts";

// limits
export { type BatchedRateLimits, createBatchedRateLimits } from "./limits/batched-rate-limits.ts";
export { enforceRateLimits } from "./limits/hit-rate-limit.ts";
export { hitRateLimit } from "./limits/hit-rate-limit.ts";
export type { RateLimit } from "./limits/hit-rate-limit.ts";
export { pruneRateLimits } from "./limits/prune-rate-limits.ts";

// orders
export { expireOrders } from "./orders/change-order-status.ts";
export { checkOrderPayable } from "./orders/check-order-payable.ts";
export { createOrder } from "./orders/create-order.ts";
export { getOrderDetails } from "./orders/get-order-details.ts";
export { getOrder } from "./orders/read-orders.ts";
export { listOrders } from "./orders/read-orders.ts";
export { resolveOrderFlag } from "./orders/resolve-order-flag.ts";
export type { OrderListItem } from "./orders/search-orders.ts";
export { searchOrders } from "./orders/search-orders.ts";
export { getBuyerOrder } from "./orders/read-orders.ts";

// payments
export { describePurchase } from "./payments/describe-purchase.ts";
export type { Receipt, ReceiptItem } from "./payments/describe-receipt.ts";
export { describeReceipt } from "./payments/describe-receipt.ts";
export type { PurchaseView } from "./payments/describe-purchase.ts";
export { listPayments } from "./payments/list-payments.ts";
export type { PaymentListItem } from "./payments/list-payments.ts";
export type { ProviderRefund } from "./payments/refund-order.ts";
export { refundOrder } from "./payments/refund-order.ts";
export { resumeRefunds } from "./payments/resume-refunds.ts";
export { settlePayment } from "./payments/settle-payment.ts";
export { settlePaymentIn } from "./payments/settle-payment.ts";
export { settleStarSubscriptionPayment } from "./payments/settle-star-subscription.ts";
export type { InvoiceLinks } from "./payments/start-purchase.ts";
export type { InvoiceSpec } from "./payments/start-purchase.ts";
export type { PurchaseInstructions } from "./payments/start-purchase.ts";
export { startPurchase } from "./payments/start-purchase.ts";
export type { YooKassaSettings } from "./payments/yookassa/start-checkout.ts";
export { reconcileYooKassaPayments } from "./payments/yookassa/sync-payment.ts";
export { syncYooKassaPayment } from "./payments/yookassa/sync-payment.ts";
export { syncYooKassaRefund } from "./payments/yookassa/sync-payment.ts";
export { createYooKassaClient } from "./payments/yookassa/yookassa-client.ts";
export { toYooKassaAmount } from "./payments/yookassa/yookassa-client.ts";

// promos
export { claimPromo } from "./promos/claim-promo.ts";
export { getClaimedPromo } from "./promos/claim-promo.ts";
export { listPromoRedemptions } from "./promos/list-promo-redemptions.ts";
export { eachPromoStats } from "./promos/list-promo-stats.ts";
export { getPromoStats } from "./promos/list-promo-stats.ts";
export { listPromoStats } from "./promos/list-promo-stats.ts";
export type { PromoStats } from "./promos/list-promo-stats.ts";
export { createPromo } from "./promos/manage-promos.ts";
export { PromoRefused } from "./promos/quote-promo.ts";
export { redeemFreeDays } from "./promos/redeem-free-days.ts";
export { updatePromo } from "./promos/update-promo.ts";

// referrals
export { eachPartner } from "./referrals/list-partners.ts";
export { listPartners } from "./referrals/list-partners.ts";
export type { PartnerRow } from "./referrals/list-partners.ts";
export { getPartnerStats } from "./referrals/partner-stats.ts";
export { recordPayout } from "./referrals/partner-stats.ts";
export type { ReferralSettings } from "./referrals/partner-stats.ts";
export { attributeReferral } from "./referrals/referral-code.ts";
export { getOrCreateReferralCode } from "./referrals/referral-code.ts";

// shared
export type { Actor } from "./shared/context.ts";
export { cliActor } from "./shared/context.ts";
export type { Clock } from "./shared/context.ts";
export type { CoreContext } from "./shared/context.ts";
export { createAdjustableClock } from "./shared/context.ts";
export { systemActor } from "./shared/context.ts";
export { systemClock } from "./shared/context.ts";
export type { ErrorCode } from "./shared/errors.ts";
export { errorCodes } from "./shared/errors.ts";
export { isLumenError } from "./shared/errors.ts";
export { LumenError } from "./shared/errors.ts";
export { eachRow } from "./shared/keyset.ts";
export { pgErrorCode } from "./shared/pg-errors.ts";
export { createSecretBox } from "./shared/secret-box.ts";
export { deriveKey } from "./shared/secret-box.ts";
export type { SecretBox } from "./shared/secret-box.ts";

// subscriptions
export type { CancelStarRenewal } from "./subscriptions/cancel-subscription-renewal.ts";
export { cancelSubscriptionRenewal } from "./subscriptions/cancel-subscription-renewal.ts";
export { cancelOwnRenewal } from "./subscriptions/cancel-subscription-renewal.ts";
export { endSubscription } from "./subscriptions/end-subscription.ts";
export { extendPlan } from "./subscriptions/extend-plan.ts";
export { extendSubscription } from "./subscriptions/extend-subscription.ts";
export { listUserSubscriptions } from "./subscriptions/lifecycle.ts";
export { listSubscriptions } from "./subscriptions/list-subscriptions.ts";
export type { SubscriptionListItem } from "./subscriptions/list-subscriptions.ts";
export { linkStarSubscription } from "./subscriptions/star-subscriptions.ts";
export { listRenewingSubscriptions } from "./subscriptions/star-subscriptions.ts";
export { stopRenewal } from "./subscriptions/star-subscriptions.ts";

// tasks
export { getAssistantStatistics } from "./tasks/assistant-statistics.ts";
export type { AssistantStatistics } from "./tasks/assistant-statistics.ts";
export { cancelTask } from "./tasks/cancel-task.ts";
export type { CancelBy } from "./tasks/cancel-task.ts";
export { claimTaskNotices } from "./tasks/claim-task-notices.ts";
export type { ClaimedNotice } from "./tasks/claim-task-notices.ts";
export { getTaskNotice } from "./tasks/claim-task-notices.ts";
export { markTaskNoticeSent } from "./tasks/claim-task-notices.ts";
export { completeTask } from "./tasks/complete-task.ts";
export { rateTask } from "./tasks/complete-task.ts";
export { reopenTask } from "./tasks/complete-task.ts";
export { createTask } from "./tasks/create-task.ts";
export type { CreateTaskInput } from "./tasks/create-task.ts";
export { getTodayFigures } from "./tasks/get-today-figures.ts";
export type { TodayFigures } from "./tasks/get-today-figures.ts";
export { handOverTask } from "./tasks/hand-over-task.ts";
export { findOpenUserTask } from "./tasks/list-tasks.ts";
export { getTask } from "./tasks/list-tasks.ts";
export { getUserTask } from "./tasks/list-tasks.ts";
export { getUserTaskMessage } from "./tasks/list-tasks.ts";
export { listTasks } from "./tasks/list-tasks.ts";
export { listUserTasks } from "./tasks/list-tasks.ts";
export type { TaskDetail } from "./tasks/list-tasks.ts";
export type { TaskListFilters } from "./tasks/list-tasks.ts";
export type { TaskListItem } from "./tasks/list-tasks.ts";
export { postAssistantTaskMessage } from "./tasks/post-task-message.ts";
export { postUserTaskMessage } from "./tasks/post-task-message.ts";
export { TASK_MESSAGES_PER_MINUTE } from "./tasks/post-task-message.ts";
export type { TaskMessageInput } from "./tasks/post-task-message.ts";
export { listTaskPlanQuotas } from "./tasks/set-task-plan-quota.ts";
export { setTaskPlanQuota } from "./tasks/set-task-plan-quota.ts";
export { takeTask } from "./tasks/take-task.ts";
export { listLinkedAssistants } from "./tasks/task-actor.ts";
export { listTaskAssignees } from "./tasks/task-actor.ts";
export { getTaskBrief } from "./tasks/task-brief.ts";
export { getTaskMessage } from "./tasks/task-brief.ts";
export type { TaskBrief } from "./tasks/task-brief.ts";
export { addToTaskDraft } from "./tasks/task-drafts.ts";
export { discardTaskDraft } from "./tasks/task-drafts.ts";
export { getTaskDraft } from "./tasks/task-drafts.ts";
export { startTaskDraft } from "./tasks/task-drafts.ts";
export { submitTaskDraft } from "./tasks/task-drafts.ts";
export { updateTaskDraft } from "./tasks/task-drafts.ts";
export { listTaskAllowances, nextTaskAllowance } from "./tasks/task-quota.ts";
export type { TaskAllowance } from "./tasks/task-quota.ts";
export { formatTaskDeadline } from "./tasks/task-deadline.ts";
export { parseTaskDeadline } from "./tasks/task-deadline.ts";
export { getTaskSettings } from "./tasks/task-settings.ts";
export { findTaskCard } from "./tasks/task-telegram-messages.ts";
export { findTaskMessage } from "./tasks/task-telegram-messages.ts";
export { rememberTaskMessage } from "./tasks/task-telegram-messages.ts";
export type { TaskTelegramMessage } from "./tasks/task-telegram-messages.ts";
export { setTaskSettings } from "./tasks/task-settings.ts";
// templates
export { createBotTextCache } from "./templates/bot-text-cache.ts";
export type { BotTextCache } from "./templates/bot-text-cache.ts";
export type { TranslatorFor } from "./templates/bot-text-cache.ts";
export { listBotTexts } from "./templates/list-bot-texts.ts";
export type { BotTextEntry } from "./templates/list-bot-texts.ts";
export type { BotTextScreen } from "./templates/list-bot-texts.ts";
export type { BotTextVersion } from "./templates/list-bot-texts.ts";
export { previewBotText } from "./templates/preview-bot-text.ts";
export { resetBotText } from "./templates/reset-bot-text.ts";
export { saveBotText } from "./templates/save-bot-text.ts";
export { readWelcomeImages } from "./templates/welcome-image.ts";
export { resetWelcomeImage } from "./templates/welcome-image.ts";
export { saveWelcomeImage } from "./templates/welcome-image.ts";

// users
export { claimUserMessage } from "./users/deliver-user-message.ts";
export { finishUserMessage } from "./users/deliver-user-message.ts";
export { releaseUserMessage } from "./users/deliver-user-message.ts";
export { getUserOverview } from "./users/get-user-overview.ts";
export { findUserByTelegramId } from "./users/get-user.ts";
export { getUser } from "./users/get-user.ts";
export { listUsers } from "./users/list-users.ts";
export type { UserListItem } from "./users/list-users.ts";
export { queueUserMessage } from "./users/queue-user-message.ts";
export { setUserBlocked } from "./users/set-user-blocked.ts";
export { setUserLocale } from "./users/set-user-locale.ts";
export { updateUser } from "./users/update-user.ts";
export { upsertTelegramUser } from "./users/upsert-telegram-user.ts";

// demo data (lumen demo, the playground)
export { demoPartner } from "./demo/seed-demo-data.ts";
export { demoPromoCode } from "./demo/seed-demo-data.ts";
export { seedDemoData } from "./demo/seed-demo-data.ts";
export { demoCourseCode } from "./demo/seed-demo-course.ts";
export { demoCourseProductTitle } from "./demo/seed-demo-course.ts";
export type { DemoDataResult } from "./demo/seed-demo-data.ts";
