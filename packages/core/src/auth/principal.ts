import type { AdminRole } from "@lumen/db";
import type { Actor } from "../shared/context.ts";

/** Who an authenticated HTTP request acts as. */
export type Principal =
  | {
      kind: "admin";
      adminId: string;
      sessionId: string;
      email: string;
      role: AdminRole;
      /** The operator's linked Telegram account (how the bots know them), if any. */
      telegramUserId: number | null;
    }
  | { kind: "api_key"; keyId: string; name: string; role: AdminRole };

export function toActor(principal: Principal, ip?: string | null): Actor {
  return principal.kind === "admin"
    ? { type: "admin", id: principal.adminId, role: principal.role, ip: ip ?? null }
    : { type: "api_key", id: principal.keyId, role: principal.role, ip: ip ?? null };
}
