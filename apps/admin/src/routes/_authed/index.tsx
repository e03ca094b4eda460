import { createFileRoute } from "@tanstack/react-router";
import { WelcomePage } from "../../components/welcome-page.tsx";

// The dashboard owner replaces WelcomePage with features/dashboard's page here.
export const Route = createFileRoute("/_authed/")({
  component: WelcomePage,
});
