import { z } from "zod";
import { timestamp } from "./common.ts";

export const channel = z
  .object({
    id: z.uuid(),
    bot_id: z.uuid(),
    chat_id: z.number().int(),
    title: z.string(),
    type: z.enum(["channel", "supergroup", "group"]),
    username: z.string().nullable(),
    bot_status: z.enum(["administrator", "member", "left", "kicked", "restricted"]),
    can_invite_users: z.boolean(),
    can_restrict_members: z.boolean(),
    join_mode: z.enum(["invite_link", "join_request"]),
    missing_rights: z.array(z.enum(["administrator", "can_invite_users", "can_restrict_members"])),
    status_changed_at: timestamp,
  })
  .meta({ id: "Channel" });
