import { Badge } from "@lumen/ui/components/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@lumen/ui/components/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@lumen/ui/components/table";
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeftIcon } from "lucide-react";
import { useMemo, useState } from "react";
import { DateCell } from "../../components/cells.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { DataTable } from "../../components/data-table/data-table.tsx";
import { DataTableToolbar, type FilterDef } from "../../components/data-table/toolbar.tsx";
import { useTableUrlState } from "../../components/data-table/use-table-url-state.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { can, useMe } from "../../lib/auth.ts";
import {
  accessLogQueryOptions,
  type ChannelDetail,
  channelKeys,
  channelQueryOptions,
  updateChannel,
} from "./api/channels.ts";
import { accessLogColumns } from "./components/access-log-columns.tsx";
import { MissingRights } from "./components/missing-rights.tsx";
import { useChannelsT } from "./i18n.ts";
import type { ChannelSearch } from "./search.ts";

const route = getRouteApi("/_authed/channels/$id");
type JoinMode = ChannelDetail["join_mode"];
const kinds = [
  "invite_issued",
  "member_joined",
  "stranger_removed",
  "join_request_offered",
  "join_request_approved",
  "join_request_declined",
  "reminder_sent",
  "access_expired",
  "member_removed",
] as const;

/** One chat: what the bot is missing, how people get in, who has access now, and the access log. */
export function ChannelPage() {
  const t = useChannelsT();
  const { id } = route.useParams();
  const search = route.useSearch();
  const state = useTableUrlState(search);
  const { data: channel } = useSuspenseQuery(channelQueryOptions(id));
  const log = useQuery(accessLogQueryOptions(id, search));
  const columns = useMemo(() => accessLogColumns(t), [t]);
  const filters: FilterDef<ChannelSearch>[] = [
    {
      key: "kind",
      label: t("kindFilter"),
      options: kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
    },
  ];

  return (
    <div className="space-y-6">
      <div>
        <Link
          to="/channels"
          className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline"
        >
          <ArrowLeftIcon className="size-4" /> {t("back")}
        </Link>
        <PageHeader
          title={channel.title}
          description={`${t(`types.${channel.type}`)}${channel.username ? ` · @${channel.username}` : ""} · ${t(`status.${channel.bot_status}`)}`}
          actions={<MissingRights channel={channel} />}
        />
      </div>
      <JoinModeCard channel={channel} />
      <AccessCard channel={channel} />
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("log")}</h2>
        <DataTableToolbar state={state} filters={filters} />
        <DataTable
          label={t("logTable")}
          columns={columns}
          query={log}
          state={state}
          getRowId={(e) => String(e.id)}
        />
      </section>
    </div>
  );
}

function JoinModeCard({ channel }: { channel: ChannelDetail }) {
  const t = useChannelsT();
  const me = useMe();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<JoinMode | null>(null);
  const mutation = useMutation({
    mutationFn: (mode: JoinMode) => updateChannel(channel.id, { join_mode: mode }),
    meta: { successMessage: t("modeSaved") },
    onSuccess: (updated) => {
      queryClient.setQueryData(channelKeys.detail(channel.id), updated);
      void queryClient.invalidateQueries({ queryKey: channelKeys.list() });
    },
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("joinMode")}</CardTitle>
        <CardDescription>{t(`modeHint.${channel.join_mode}`)}</CardDescription>
      </CardHeader>
      <CardContent>
        <Select
          value={channel.join_mode}
          disabled={!can(me, "admin") || mutation.isPending}
          onValueChange={(value) => value !== channel.join_mode && setPending(value as JoinMode)}
        >
          <SelectTrigger className="w-full sm:w-72" aria-label={t("joinMode")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="invite_link">{t("modes.invite_link")}</SelectItem>
            <SelectItem value="join_request">{t("modes.join_request")}</SelectItem>
          </SelectContent>
        </Select>
        <ConfirmDialog
          open={pending !== null}
          onOpenChange={(open) => !open && setPending(null)}
          title={t("confirmMode", { mode: pending ? t(`modes.${pending}`) : "" })}
          description={t("confirmModeText")}
          pending={mutation.isPending}
          onConfirm={() => pending && mutation.mutateAsync(pending)}
        />
      </CardContent>
    </Card>
  );
}

function AccessCard({ channel }: { channel: ChannelDetail }) {
  const t = useChannelsT();
  const { holders, total } = channel.access;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("access")}</CardTitle>
        <CardDescription>
          {t("accessCount", { count: total })}
          {holders.length < total ? ` ${t("accessTruncated", { shown: holders.length, count: total })}` : ""}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {holders.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noAccess")}</p>
        ) : (
          <div className="overflow-x-auto">
            <Table aria-label={t("access")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("holder.person")}</TableHead>
                  <TableHead>{t("holder.state")}</TableHead>
                  <TableHead className="hidden sm:table-cell">{t("holder.plan")}</TableHead>
                  <TableHead className="hidden sm:table-cell">{t("holder.until")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {holders.map((h) => (
                  <TableRow key={h.user.id}>
                    <TableCell>
                      <div className="font-medium">{h.user.first_name}</div>
                      <div className="text-xs text-muted-foreground">
                        {h.user.username ? `@${h.user.username}` : h.user.telegram_id}
                      </div>
                    </TableCell>
                    <TableCell>
                      <Badge
                        variant={
                          h.join_state === "joined"
                            ? "success"
                            : h.join_state === "invited"
                              ? "secondary"
                              : "warning"
                        }
                      >
                        {t(`joinStates.${h.join_state}`)}
                      </Badge>
                    </TableCell>
                    <TableCell className="hidden sm:table-cell">{h.subscription.title}</TableCell>
                    <TableCell className="hidden sm:table-cell">
                      <DateCell value={h.subscription.ends_at} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
