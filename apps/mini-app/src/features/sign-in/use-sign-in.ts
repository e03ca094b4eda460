import type { storeLoginResponse, storeLoginStatus } from "@lumen/contracts";
import { useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { ApiError, publicApi } from "../../lib/api.ts";
import { browserKey, saveTokens } from "../../lib/session.ts";

type Login = z.input<typeof storeLoginResponse>;
type LoginStatus = z.input<typeof storeLoginStatus>;

export type SignInState =
  | { step: "asking" }
  | { step: "pending"; code: string; link: string }
  | { step: "denied" | "expired" | "failed" | "offline" };

const POLL_EVERY_MS = 2_000;

/**
 * Seed 000's sign-in: ask the server for a one-time code bound to this browser's key, show its
 * t.me link (the bot asks the buyer to confirm), then poll the code's status every 2 s until the
 * bot's answer arrives. Confirmed: the tokens are saved, which opens the store. A new attempt is a
 * new mount (the screen keys it), so each starts from a fresh code.
 */
export function useSignIn(botId: string) {
  const [state, setState] = useState<SignInState>({ step: "asking" });
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const key = browserKey();
    const fail = (error: unknown) => {
      if (!alive.current) return;
      setState({ step: error instanceof ApiError && error.status === 0 ? "offline" : "failed" });
    };
    const poll = async (code: string) => {
      try {
        const status = await publicApi<LoginStatus>("GET", `/api/v1/auth/status/${code}`, undefined, {
          "x-browser-key": key,
        });
        if (!alive.current) return;
        if (status.status === "confirmed" && status.tokens) return saveTokens(botId, status.tokens);
        if (status.status === "denied" || status.status === "expired")
          return setState({ step: status.status });
      } catch (error) {
        // A spent or forgotten code (404) cannot be confirmed any more; a network blip is retried.
        if (error instanceof ApiError && error.status === 404)
          return alive.current && setState({ step: "expired" });
        if (!(error instanceof ApiError && error.status === 0)) return fail(error);
      }
      if (alive.current) timer = setTimeout(() => void poll(code), POLL_EVERY_MS);
    };
    publicApi<Login>("POST", `/api/v1/app/${botId}/auth/login`, { browser_key: key })
      .then((login) => {
        if (!alive.current) return;
        setState({ step: "pending", code: login.code, link: login.link });
        timer = setTimeout(() => void poll(login.code), POLL_EVERY_MS);
      })
      .catch(fail);
    return () => {
      alive.current = false;
      clearTimeout(timer);
    };
  }, [botId]);

  return state;
}
