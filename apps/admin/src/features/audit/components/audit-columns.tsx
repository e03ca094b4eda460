import { Badge } from "@lumen/ui/components/badge";
import type { ColumnDef } from "@tanstack/react-table";
import { DateCell, IdCell } from "../../../components/cells.tsx";
import type { AuditEntry } from "../api/get-audit.ts";
import type { useAuditT } from "../i18n.ts";

type T = ReturnType<typeof useAuditT>;

function actionTone(action: string): "destructive" | "success" | "secondary" {
  if (/(delete|revoke|refund|disable|block|remove|deduct)/.test(action)) return "destructive";
  if (/(create|setup|grant|enable|approve)/.test(action)) return "success";
  return "secondary";
}

function summarize(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== "object")
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(" · ");
}

export function auditColumns(t: T): ColumnDef<AuditEntry, unknown>[] {
  return [
    {
      id: "created_at",
      header: t("columns.when"),
      cell: ({ row }) => <DateCell value={row.original.created_at} />,
    },
    {
      id: "actor",
      header: t("columns.actor"),
      cell: ({ row }) => {
        const e = row.original;
        const kind = t(`actorTypes.${e.actor_type}`);
        const name =
          e.actor_name ?? (e.actor_id ? `${kind} ${e.actor_id.slice(0, 8)} (${t("deleted")})` : null);
        if (!name) return <span className="font-medium">{kind}</span>;
        return (
          <div className="flex flex-col">
            <span className="font-medium">{name}</span>
            <span className="text-xs text-muted-foreground">{kind}</span>
          </div>
        );
      },
    },
    {
      id: "action",
      header: t("columns.action"),
      cell: ({ row }) => (
        <Badge variant={actionTone(row.original.action)} className="font-mono">
          {row.original.action}
        </Badge>
      ),
    },
    {
      id: "entity",
      header: t("columns.entity"),
      cell: ({ row }) => (
        <div className="flex items-center gap-2">
          <span className="text-muted-foreground">{row.original.entity_type}</span>
          <IdCell value={row.original.entity_id} />
        </div>
      ),
    },
    {
      id: "details",
      header: t("columns.details"),
      meta: { className: "max-w-[14rem] truncate text-muted-foreground" },
      cell: ({ row }) => (
        <span title={JSON.stringify(row.original.data)}>{summarize(row.original.data) || "—"}</span>
      ),
    },
    {
      id: "ip",
      header: t("columns.ip"),
      // Wide screens only: the details' tooltip carries the rest.
      meta: {
        className: "hidden font-mono text-xs text-muted-foreground 2xl:table-cell",
        headerClassName: "hidden 2xl:table-cell",
      },
      cell: ({ row }) => row.original.ip ?? "—",
    },
  ];
}
