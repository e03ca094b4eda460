import { Badge } from "@lumen/ui/components/badge";
import { Button } from "@lumen/ui/components/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@lumen/ui/components/table";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "../../components/cells.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useT } from "../../lib/i18n.ts";
import { type ApiKey, apiKeyKeys, apiKeyListQueryOptions, revokeApiKey } from "./api/api-keys.ts";
import { CreateKeyDialog } from "./components/create-key-dialog.tsx";
import { useApiKeysT } from "./i18n.ts";

export function ApiKeysPage() {
  const t = useApiKeysT();
  const common = useT();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(apiKeyListQueryOptions());
  const [pending, setPending] = useState<ApiKey | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => revokeApiKey(id),
    meta: { successMessage: t("revokedToast") },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
  const now = Date.now();
  const status = (key: ApiKey) =>
    key.revoked_at ? "revoked" : key.expires_at && key.expires_at.getTime() <= now ? "expired" : "active";

  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} actions={<CreateKeyDialog />} />
      {data.items.length === 0 ? (
        <p className="rounded-lg border border-dashed p-8 text-center text-sm text-muted-foreground">
          {t("empty")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border bg-card">
          <Table aria-label={t("table")}>
            <TableHeader className="bg-muted/40">
              <TableRow>
                <TableHead>{t("columns.name")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("columns.role")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("columns.key")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("columns.lastUsed")}</TableHead>
                <TableHead className="w-24" />
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((key) => {
                const s = status(key);
                return (
                  <TableRow key={key.id} data-api-key={key.name}>
                    <TableCell className="font-medium">{key.name}</TableCell>
                    <TableCell>
                      <Badge variant={s === "active" ? "success" : "secondary"}>
                        {s === "active"
                          ? t("active")
                          : s === "revoked"
                            ? t("revokedState")
                            : t("expiredState")}
                      </Badge>
                    </TableCell>
                    <TableCell className="hidden sm:table-cell">{common(`roles.${key.role}`)}</TableCell>
                    <TableCell className="hidden font-mono text-xs md:table-cell">{key.prefix}…</TableCell>
                    <TableCell className="hidden text-sm md:table-cell">
                      {key.last_used_at ? formatDateTime(key.last_used_at) : t("never")}
                    </TableCell>
                    <TableCell className="text-right">
                      {s === "active" ? (
                        <Button variant="outline" size="sm" onClick={() => setPending(key)}>
                          {t("revoke")}
                        </Button>
                      ) : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => !open && setPending(null)}
        destructive
        title={t("confirmRevoke", { name: pending?.name ?? "" })}
        description={t("confirmRevokeText")}
        confirmLabel={t("revoke")}
        pending={revoke.isPending}
        onConfirm={() => pending && revoke.mutateAsync(pending.id)}
      />
    </div>
  );
}
