export const broadcastStatuses = ["draft", "scheduled", "sending", "paused", "done", "cancelled"] as const;
export type BroadcastStatus = (typeof broadcastStatuses)[number];

export const broadcastSegments = [
  "everyone",
  "language",
  "trial",
  "paying",
  "active_plan",
  "plan_ending",
  "plan_expired",
  "never_paid",
  "inactive",
  "course",
  "list",
] as const;
export type BroadcastSegment = (typeof broadcastSegments)[number];

/** A recipient's row: pending (targeted), sending (claimed by a worker), then one outcome. */
export const deliveryStatuses = ["pending", "sending", "sent", "failed", "blocked", "interrupted"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const buttonKinds = ["url", "mini_app", "product", "trial"] as const;
export type ButtonKind = (typeof buttonKinds)[number];

export const mediaKinds = ["photo", "video", "document"] as const;
export type MediaKind = (typeof mediaKinds)[number];
