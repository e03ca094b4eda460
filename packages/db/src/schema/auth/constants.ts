/** Operator roles, most powerful first. An API key carries one of them too. */
export const adminRoles = ["owner", "admin", "operator"] as const;
export type AdminRole = (typeof adminRoles)[number];
