import { Button } from "@lumen/ui/components/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@lumen/ui/components/dropdown-menu";
import { toast } from "@lumen/ui/components/sonner";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useRouter } from "@tanstack/react-router";
import { LanguagesIcon, LogOutIcon, MonitorIcon, MoonIcon, SunIcon, UserRoundIcon } from "lucide-react";
import { type Me, meQueryOptions, signOut } from "../../lib/auth.ts";
import { type Locale, setLocale, useLocale, useT } from "../../lib/i18n.ts";
import { setTheme, type Theme, useTheme } from "../../lib/theme.ts";

const languageNames: Record<Locale, string> = { en: "English", ru: "Русский" };

export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={t("header.language")} title={t("header.language")}>
          <LanguagesIcon />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuRadioGroup value={locale} onValueChange={(v) => setLocale(v as Locale)}>
          {(Object.keys(languageNames) as Locale[]).map((l) => (
            <DropdownMenuRadioItem key={l} value={l} lang={l}>
              {languageNames[l]}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

export function ThemeSwitch() {
  const t = useT();
  const { theme, resolved } = useTheme();
  const Icon = resolved === "dark" ? MoonIcon : SunIcon;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={t("header.theme")} title={t("header.theme")}>
          <Icon />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuRadioGroup value={theme} onValueChange={(v) => setTheme(v as Theme)}>
          <DropdownMenuRadioItem value="light">
            <SunIcon /> {t("header.light")}
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="dark">
            <MoonIcon /> {t("header.dark")}
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="system">
            <MonitorIcon /> {t("header.system")}
          </DropdownMenuRadioItem>
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

export function UserMenu({ me }: { me: Me }) {
  const t = useT();
  const router = useRouter();
  const queryClient = useQueryClient();
  const initial = me.name.slice(0, 1).toUpperCase();

  async function onSignOut() {
    try {
      await signOut();
    } catch {
      // the session may already be gone; signing out locally is still right
    }
    // "Nobody" first, so the sign-in page's guard does not send the operator straight back.
    queryClient.setQueryData(meQueryOptions().queryKey, null);
    await router.navigate({ to: "/login" });
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "auth" && q.queryKey[0] !== "setup" });
    toast.success(t("header.signedOut"));
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="rounded-full" aria-label={t("header.account")}>
          <span className="flex size-8 items-center justify-center rounded-full bg-primary/10 text-sm font-semibold text-primary">
            {initial}
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel className="flex flex-col gap-0.5">
          <span className="truncate">{me.name}</span>
          <span className="text-xs font-normal text-muted-foreground">{t(`roles.${me.role}`)}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link to="/account" data-testid="account-link">
            <UserRoundIcon /> {t("header.yourAccount")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={onSignOut} data-testid="sign-out">
          <LogOutIcon /> {t("header.signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
