/**
 * Where to go after signing in: only a path inside the panel, never another site
 * (`//evil.example` or `https://...` would make the login page an open redirect).
 */
export function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return "/";
  if (target.startsWith("/login") || target.startsWith("/setup")) return "/";
  return target;
}
