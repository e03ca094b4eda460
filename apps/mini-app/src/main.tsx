import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createRouter, RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { OutsideTelegram } from "./components/outside-telegram.tsx";
import { ApiError, configureApi } from "./lib/api.ts";
import { localeOf, setLocale } from "./lib/i18n.ts";
import { connectTelegram } from "./lib/telegram.ts";
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

// Boot order from the official template: connect to Telegram first, build the router after.
const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
const launch = botId ? connectTelegram() : null;
setLocale(localeOf(launch?.languageCode ?? navigator.language));
if (!launch || !botId) {
  createRoot(root).render(<OutsideTelegram />);
} else {
  configureApi(botId, launch.rawInitData);
  const router = createStoreRouter(`/app/${botId}`);
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={router.options.context.queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
