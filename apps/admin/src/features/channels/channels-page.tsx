import { Badge } from "@lumen/ui/components/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@lumen/ui/components/table";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { channelListQueryOptions } from "./api/channels.ts";
import { MissingRights } from "./components/missing-rights.tsx";
import { useChannelsT } from "./i18n.ts";

/** Every chat the bots are in, with what is missing before paid access can work there. */
export function ChannelsPage() {
  const t = useChannelsT();
  const { data } = useSuspenseQuery(channelListQueryOptions());
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      {data.items.length === 0 ? (
        <p className="rounded-lg border border-dashed p-8 text-center text-sm text-muted-foreground">
          {t("empty")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border bg-card">
          <Table aria-label={t("title")}>
            <TableHeader className="bg-muted/40">
              <TableRow>
                <TableHead>{t("columns.chat")}</TableHead>
                <TableHead>{t("columns.warnings")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("columns.bot")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("columns.mode")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>
                    <Link
                      to="/channels/$id"
                      params={{ id: c.id }}
                      className="font-medium underline-offset-4 hover:underline"
                    >
                      {c.title}
                    </Link>
                    <div className="text-xs text-muted-foreground">
                      {t(`types.${c.type}`)}
                      {c.username ? ` · @${c.username}` : ""}
                    </div>
                  </TableCell>
                  <TableCell>
                    <MissingRights channel={c} />
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">
                    <Badge variant="secondary">{t(`status.${c.bot_status}`)}</Badge>
                  </TableCell>
                  <TableCell className="hidden text-sm md:table-cell">{t(`modes.${c.join_mode}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
