import { Badge } from "@lumen/ui/components/badge";
import type { ColumnDef } from "@tanstack/react-table";
import { DateCell } from "../../../components/cells.tsx";
import type { AccessLogEntry } from "../api/channels.ts";
import type { useChannelsT } from "../i18n.ts";

type T = ReturnType<typeof useChannelsT>;

const tone = (kind: AccessLogEntry["kind"]) =>
  kind === "stranger_removed" || kind === "member_removed" || kind === "join_request_declined"
    ? "destructive"
    : kind === "member_joined" || kind === "join_request_approved"
      ? "success"
      : "secondary";

function details(entry: AccessLogEntry, t: T): string {
  // `data` is snake_case on the wire, like every other field.
  const data = entry.data as { days_before?: number; creates_join_request?: boolean };
  if (entry.kind === "stranger_removed") return t("details.linkOwner");
  if (entry.kind === "reminder_sent" && typeof data.days_before === "number")
    return t("details.daysBefore", { days: data.days_before });
  if (entry.kind === "invite_issued" && data.creates_join_request) return t("details.joinRequestLink");
  return "";
}

export function accessLogColumns(t: T): ColumnDef<AccessLogEntry, unknown>[] {
  return [
    {
      id: "when",
      header: t("logColumns.when"),
      cell: ({ row }) => <DateCell value={row.original.occurred_at} />,
    },
    {
      id: "event",
      header: t("logColumns.event"),
      cell: ({ row }) => <Badge variant={tone(row.original.kind)}>{t(`kinds.${row.original.kind}`)}</Badge>,
    },
    {
      id: "person",
      header: t("logColumns.person"),
      cell: ({ row }) => {
        const e = row.original;
        if (!e.user) return t("unknownPerson", { id: e.telegram_user_id ?? "—" });
        return (
          <div className="flex flex-col">
            <span className="font-medium">{e.user.first_name}</span>
            <span className="text-xs text-muted-foreground">
              {e.user.username ? `@${e.user.username}` : e.user.telegram_id}
            </span>
          </div>
        );
      },
    },
    {
      id: "details",
      header: t("logColumns.details"),
      meta: { className: "max-w-[20rem] truncate text-muted-foreground" },
      cell: ({ row }) => details(row.original, t) || "—",
    },
  ];
}
