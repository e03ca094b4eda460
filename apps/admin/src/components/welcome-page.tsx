import { Card, CardDescription, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Link } from "@tanstack/react-router";
import { ArrowRightIcon } from "lucide-react";
import { can, useMe } from "../lib/auth.ts";
import { translate, useLocale, useT } from "../lib/i18n.ts";
import { navItems } from "../lib/nav.ts";
import { PageHeader } from "./page-header.tsx";

/** The home page until the dashboard exists: a greeting and a card per section the operator may open. */
export function WelcomePage() {
  const t = useT();
  const me = useMe();
  const locale = useLocale();
  const items = navItems.filter((item) => item.to !== "/" && can(me, item.minRole));
  return (
    <div>
      <PageHeader
        title={t("welcome.title", { name: me.name.split("@")[0] ?? me.name })}
        description={t("welcome.subtitle")}
      />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {items.map((item) => {
          const Icon = item.icon;
          return (
            <Link
              key={item.to}
              to={item.to}
              className="group rounded-xl outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <Card className="h-full gap-2 py-5 transition-colors group-hover:border-primary/40 group-hover:bg-accent/40">
                <CardHeader className="px-5">
                  <CardTitle className="flex items-center gap-2 text-base">
                    <Icon className="size-4 text-primary" aria-hidden />
                    {translate(locale, item.titleKey)}
                    <ArrowRightIcon className="ml-auto size-4 text-muted-foreground transition-transform group-hover:translate-x-0.5" />
                  </CardTitle>
                  <CardDescription>{t(`nav.sections.${item.section}`)}</CardDescription>
                </CardHeader>
              </Card>
            </Link>
          );
        })}
      </div>
    </div>
  );
}
