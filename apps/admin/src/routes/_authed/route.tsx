import { createFileRoute, Outlet, redirect } from "@tanstack/react-router";
import { AppShell } from "../../components/layout/app-shell.tsx";
import { PlaygroundBanner } from "../../features/playground/playground-banner.tsx";
import { meQueryOptions, useMe } from "../../lib/auth.ts";

/** Every signed-in page sits under this pathless layout: the guard, then the shell. */
export const Route = createFileRoute("/_authed")({
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (!me) throw redirect({ to: "/login", search: { redirect: location.href } });
    return { me };
  },
  component: AuthedLayout,
});

function AuthedLayout() {
  const me = useMe();
  return (
    <AppShell me={me}>
      <PlaygroundBanner />
      <Outlet />
    </AppShell>
  );
}
