import { TooltipProvider } from "@lumen/ui/components/tooltip";
import { QueryClientProvider } from "@tanstack/react-query";
import { createRouter, RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ErrorPage, NotFoundPage } from "./components/error-pages.tsx";
import { createQueryClient } from "./lib/query-client.ts";
import { routeTree } from "./routeTree.gen.ts";
import "./styles.css";

const queryClient = createQueryClient({
  onUnauthenticated: () => {
    queryClient.setQueryData(["auth", "me"], null);
    const here = router.state.location;
    if (here.pathname === "/login" || here.pathname === "/setup") return;
    void router.navigate({ to: "/login", search: { redirect: here.href, expired: true } });
  },
});

const router = createRouter({
  routeTree,
  basepath: "/admin",
  context: { queryClient },
  defaultPreload: "intent",
  // Query owns freshness: the router always asks the loader, which reads the query cache.
  defaultPreloadStaleTime: 0,
  defaultErrorComponent: ErrorPage,
  defaultNotFoundComponent: NotFoundPage,
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TooltipProvider>
        <RouterProvider router={router} />
      </TooltipProvider>
    </QueryClientProvider>
  </StrictMode>,
);
