import { Button } from "@lumen/ui/components/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@lumen/ui/components/table";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { PlusIcon } from "lucide-react";
import { DateCell } from "../../components/cells.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { broadcastListQueryOptions } from "./api/broadcasts-api.ts";
import { CampaignsCard } from "./components/campaigns-card.tsx";
import { BroadcastStatusBadge } from "./components/status-badge.tsx";
import { useBroadcastsT } from "./i18n.ts";

/** Every broadcast, newest first; the list refreshes itself while one is sending. */
export function BroadcastsPage() {
  const t = useBroadcastsT();
  const list = useQuery(broadcastListQueryOptions());
  const items = list.data?.items ?? [];
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild>
            <Link to="/broadcasts/new">
              <PlusIcon aria-hidden /> {t("create")}
            </Link>
          </Button>
        }
      />
      <div className="rounded-md border">
        <Table aria-label={t("title")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("columns.title")}</TableHead>
              <TableHead>{t("columns.segment")}</TableHead>
              <TableHead>{t("columns.status")}</TableHead>
              <TableHead className="text-right">{t("columns.progress")}</TableHead>
              <TableHead>{t("columns.created")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.length === 0 ? (
              <TableRow>
                <TableCell colSpan={5} className="h-20 text-center text-muted-foreground">
                  {t("empty")}
                </TableCell>
              </TableRow>
            ) : (
              items.map((b) => (
                <TableRow key={b.id}>
                  <TableCell className="font-medium">
                    <Link to="/broadcasts/$id" params={{ id: b.id }} className="hover:underline">
                      {b.title}
                    </Link>
                  </TableCell>
                  <TableCell>{t(`segments.${b.segment}`)}</TableCell>
                  <TableCell>
                    <BroadcastStatusBadge status={b.status} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{b.targeted ?? "—"}</TableCell>
                  <TableCell>
                    <DateCell value={b.created_at} />
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      <CampaignsCard />
    </div>
  );
}
