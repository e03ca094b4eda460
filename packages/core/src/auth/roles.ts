import { roleReaches } from "@lumen/contracts";
import type { AdminRole } from "@lumen/db";
import { LumenError } from "../shared/errors.ts";

export const hasRole = (role: AdminRole, required: AdminRole): boolean => roleReaches(role, required);

export function requireRole(actor: { role: AdminRole }, required: AdminRole): void {
  if (!hasRole(actor.role, required)) {
    throw new LumenError("FORBIDDEN", `This needs the ${required} role; you have ${actor.role}`);
  }
}
