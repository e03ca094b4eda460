import { Button } from "@lumen/ui/components/button";
import { useState } from "react";
import { OfflineNote } from "../../components/offline-note.tsx";
import { t } from "../../lib/i18n.ts";
import { useSignIn } from "./use-sign-in.ts";

const linkButton =
  "inline-flex h-11 w-full items-center justify-center gap-2 rounded-xl bg-primary px-4 text-base font-medium text-primary-foreground";

/**
 * The installed app (or any browser tab) without Telegram's launch data: "Sign in with Telegram".
 * The buyer taps the link, the bot asks "Sign in on a new device?", and this page moves on by
 * itself once they answer. Every outcome says what happened and how to try again.
 */
export function SignInScreen({ botId }: { botId: string }) {
  const [attempt, setAttempt] = useState(0);
  return <SignInFlow key={attempt} botId={botId} retry={() => setAttempt((n) => n + 1)} />;
}

function SignInFlow({ botId, retry }: { botId: string; retry: () => void }) {
  const state = useSignIn(botId);
  const ended =
    state.step === "denied" ||
    state.step === "expired" ||
    state.step === "failed" ||
    state.step === "offline";
  return (
    // .safe-area owns the main's own padding (the device's insets); the gutter is the inner div's.
    <main className="safe-area flex flex-col">
      <div className="mx-auto flex w-full max-w-md flex-1 flex-col justify-center gap-4 px-6 py-8 text-center">
        <OfflineNote />
        <div aria-hidden className="text-5xl">
          🛍️
        </div>
        <h1 className="text-2xl font-semibold">{t("signIn.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("signIn.body")}</p>

        {state.step === "asking" ? (
          <p className="text-sm text-muted-foreground" aria-busy="true">
            {t("signIn.asking")}
          </p>
        ) : null}

        {state.step === "pending" ? (
          <section className="flex flex-col gap-3 rounded-xl bg-card p-4">
            <p className="text-xs font-medium uppercase text-section-header">{t("signIn.code")}</p>
            <p className="font-mono text-2xl font-semibold tracking-widest" data-testid="sign-in-code">
              {state.code}
            </p>
            <a
              className={linkButton}
              href={state.link}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="sign-in-link"
            >
              {t("signIn.open")}
            </a>
            <p role="status" className="text-sm text-muted-foreground">
              {t("signIn.waiting")}
            </p>
          </section>
        ) : null}

        {ended ? (
          <section role="alert" className="flex flex-col items-center gap-3 rounded-xl bg-card p-4">
            <p className="text-sm">{t(`signIn.${state.step}`)}</p>
            <Button onClick={retry}>{t("signIn.again")}</Button>
          </section>
        ) : null}
      </div>
    </main>
  );
}
