/** Operator roles, most powerful first, then the desk roles (see `roleReaches` in contracts). An API key carries one of them too. */
export const adminRoles = ["owner", "admin", "operator", "reviewer", "assistant"] as const;
export type AdminRole = (typeof adminRoles)[number];
