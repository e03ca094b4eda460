import {
  type inviteOperatorRequest,
  operatorAccount,
  operatorWithPassword,
  revokedSessions,
  type updateOperatorRequest,
} from "@lumen/contracts";
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../../../lib/api.ts";

export type OperatorAccount = z.output<typeof operatorAccount>;
export type OperatorWithPassword = z.output<typeof operatorWithPassword>;

export const operatorKeys = { all: ["operators"] as const };

export const operatorListQueryOptions = () =>
  queryOptions({
    queryKey: operatorKeys.all,
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/operators", { schema: z.object({ items: z.array(operatorAccount) }), signal }),
  });

export const inviteOperator = (body: z.input<typeof inviteOperatorRequest>) =>
  api("POST", "/api/v1/operators", { body, schema: operatorWithPassword });

export const updateOperator = (id: string, body: z.input<typeof updateOperatorRequest>) =>
  api("PATCH", `/api/v1/operators/${id}`, { body, schema: operatorAccount });

export const resetOperatorPassword = (id: string) =>
  api("POST", `/api/v1/operators/${id}/password-reset`, { schema: operatorWithPassword });

export const revokeOperatorSessions = (id: string) =>
  api("POST", `/api/v1/operators/${id}/sessions/revoke`, { schema: revokedSessions });

export const unlinkOperatorTelegram = (id: string) => api("DELETE", `/api/v1/operators/${id}/telegram-link`);
