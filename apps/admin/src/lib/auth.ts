import { meResponse, roleReaches } from "@lumen/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useRouteContext } from "@tanstack/react-router";
import type { z } from "zod";
import { ApiError, api } from "./api.ts";

export type Me = z.output<typeof meResponse>;
export type Role = Me["role"];

/** Whether a role reaches the least role a page or action needs (the server enforces the same rule). */
export function can(me: Pick<Me, "role"> | null | undefined, required: Role): boolean {
  return !!me && roleReaches(me.role, required);
}

/** Who is signed in; `null` when nobody is (a 401), so guards can decide without an error. */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: ["auth", "me"],
    queryFn: async ({ signal }): Promise<Me | null> => {
      try {
        return await api("GET", "/api/v1/auth/me", { schema: meResponse, signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });

/**
 * The signed-in operator inside `_authed` pages: the cached `me` (fresh after a role change), else
 * the one the guard saw, so signing out never flashes an error while the page is left.
 */
export function useMe(): Me {
  const { data } = useQuery(meQueryOptions());
  const { me } = useRouteContext({ from: "/_authed" });
  return data ?? me;
}

export async function signIn(input: { email: string; password: string }): Promise<void> {
  await api("POST", "/api/v1/auth/login", { body: input });
}

export async function signOut(): Promise<void> {
  await api("POST", "/api/v1/auth/logout");
}
