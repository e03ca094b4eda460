import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createRouter, RouterProvider } from "@tanstack/react-router";
import { StrictMode, useEffect, useState, useSyncExternalStore } from "react";
import { createRoot } from "react-dom/client";
import { OutsideTelegram } from "./components/outside-telegram.tsx";
import { SignInScreen } from "./features/sign-in/sign-in-screen.tsx";
import { ApiError, configureApi } from "./lib/api.ts";
import { flushEventsOnExit, track } from "./lib/events.ts";
import { localeOf, rememberChoicesOf, savedLocale, setLocale } from "./lib/i18n.ts";
import { installPwa } from "./lib/pwa.ts";
import { onTokensChange, readTokens } from "./lib/session.ts";
import { nameStoreAfterBot } from "./lib/store-title.ts";
import { connectTelegram, followSystemDarkMode } from "./lib/telegram.ts";
import { routeTree } from "./routeTree.gen.ts";
import "./styles.css";

/** `/app/<botId>/...`: the bot whose store this is, whose token signs the buyer's launch data. */
const botId = window.location.pathname.match(/^\/app\/([0-9a-f-]{36})(?=\/|$)/i)?.[1];

function createStoreRouter(basepath: string) {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return createRouter({ routeTree, basepath, context: { queryClient }, scrollRestoration: true });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createStoreRouter>;
  }
}

function Store({ router }: { router: ReturnType<typeof createStoreRouter> }) {
  return (
    <QueryClientProvider client={router.options.context.queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}

/**
 * Outside Telegram (the installed app, a browser tab): the store once this browser holds a session
 * for the bot, the sign-in screen otherwise, and back to it when the session is dropped (Sign out,
 * or a refresh the server refuses).
 */
function InstalledApp({ id }: { id: string }) {
  const signedIn = useSyncExternalStore(onTokensChange, () => readTokens(id) !== null);
  if (!signedIn) return <SignInScreen botId={id} />;
  return <SignedIn id={id} />;
}

/** Mounted once per sign-in: a fresh router and cache, so nothing of a previous buyer's pages survives. */
function SignedIn({ id }: { id: string }) {
  const [router] = useState(() => createStoreRouter(`/app/${id}`));
  useEffect(() => track({ type: "app_opened", source: "pwa" }), []);
  return <Store router={router} />;
}

// Boot order from the official template: connect to Telegram first, build the router after.
const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
const launch = botId ? connectTelegram() : null;
rememberChoicesOf(launch?.userId ? `tg${launch.userId}` : (botId ?? "none"));
setLocale(savedLocale() ?? localeOf(launch?.languageCode ?? navigator.language));
if (!botId) {
  followSystemDarkMode();
  createRoot(root).render(<OutsideTelegram />);
} else if (launch) {
  nameStoreAfterBot(botId);
  configureApi(botId, launch.rawInitData);
  flushEventsOnExit();
  track({ type: "app_opened", source: launch.startParam ?? "direct" });
  const router = createStoreRouter(`/app/${botId}`);
  createRoot(root).render(
    <StrictMode>
      <Store router={router} />
    </StrictMode>,
  );
} else {
  followSystemDarkMode();
  nameStoreAfterBot(botId);
  configureApi(botId, null);
  flushEventsOnExit();
  installPwa(botId);
  createRoot(root).render(
    <StrictMode>
      <InstalledApp id={botId} />
    </StrictMode>,
  );
}
