import { Badge } from "@lumen/ui/components/badge";
import { Button } from "@lumen/ui/components/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@lumen/ui/components/dropdown-menu";
import { toast } from "@lumen/ui/components/sonner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@lumen/ui/components/table";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { MoreHorizontalIcon } from "lucide-react";
import { useState } from "react";
import { formatDateTime } from "../../components/cells.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { roles } from "../../components/role-select.tsx";
import { useMe } from "../../lib/auth.ts";
import { useT } from "../../lib/i18n.ts";
import {
  type OperatorAccount,
  type OperatorWithPassword,
  operatorKeys,
  operatorListQueryOptions,
  resetOperatorPassword,
  revokeOperatorSessions,
  unlinkOperatorTelegram,
  updateOperator,
} from "./api/operators.ts";
import { InviteOperatorDialog } from "./components/invite-operator-dialog.tsx";
import { PasswordDialog } from "./components/password-dialog.tsx";
import { useOperatorsT } from "./i18n.ts";

type Pending = { kind: "disable" | "reset" | "revoke" | "unlink"; operator: OperatorAccount } | null;

/** The owner's page: add operators, change roles, disable, reset passwords, end sessions. */
export function OperatorsPage() {
  const t = useOperatorsT();
  const common = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(operatorListQueryOptions());
  const [shown, setShown] = useState<OperatorWithPassword | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: operatorKeys.all });
  const update = useMutation({
    mutationFn: (input: { id: string; role?: OperatorAccount["role"]; disabled?: boolean }) =>
      updateOperator(input.id, { role: input.role, disabled: input.disabled }),
    onSuccess: (_, input) => {
      toast.success(input.role ? t("roleChanged") : input.disabled ? t("disabledToast") : t("enabledToast"));
      return refresh();
    },
  });
  const reset = useMutation({
    mutationFn: (id: string) => resetOperatorPassword(id),
    onSuccess: (result) => {
      setShown(result);
      return refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeOperatorSessions(id),
    onSuccess: (result) => {
      toast.success(t("revoked", { count: result.sessions_ended }));
      return refresh();
    },
  });

  const unlink = useMutation({
    mutationFn: (id: string) => unlinkOperatorTelegram(id),
    meta: { successMessage: t("telegramUnlinked") },
    onSuccess: refresh,
  });

  const confirm = async () => {
    if (!pending) return;
    const id = pending.operator.id;
    if (pending.kind === "disable") await update.mutateAsync({ id, disabled: true });
    if (pending.kind === "reset") await reset.mutateAsync(id);
    if (pending.kind === "revoke") await revoke.mutateAsync(id);
    if (pending.kind === "unlink") await unlink.mutateAsync(id);
  };
  const email = pending?.operator.email ?? "";
  const texts = {
    disable: [t("confirmDisable", { email }), t("confirmDisableText"), t("disable")],
    reset: [t("confirmReset", { email }), t("confirmResetText"), t("resetPassword")],
    revoke: [t("confirmRevoke", { email }), t("confirmRevokeText"), t("revokeSessions")],
    unlink: [t("confirmUnlink", { email }), t("confirmUnlinkText"), t("unlinkTelegram")],
  } as const;
  const [title, description, label] = pending ? texts[pending.kind] : ["", "", ""];

  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<InviteOperatorDialog onCreated={setShown} />}
      />
      <div className="overflow-x-auto rounded-lg border bg-card">
        <Table aria-label={t("table")}>
          <TableHeader className="bg-muted/40">
            <TableRow>
              <TableHead>{t("columns.email")}</TableHead>
              <TableHead>{t("columns.role")}</TableHead>
              <TableHead className="hidden sm:table-cell">{t("columns.status")}</TableHead>
              <TableHead className="hidden md:table-cell">{t("columns.lastLogin")}</TableHead>
              <TableHead className="hidden md:table-cell">{t("columns.sessions")}</TableHead>
              <TableHead className="hidden md:table-cell">{t("columns.telegram")}</TableHead>
              <TableHead className="w-12" />
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.items.map((op) => (
              <TableRow key={op.id} data-operator={op.email}>
                <TableCell className="font-medium">
                  {op.email}
                  {op.id === me.id ? (
                    <span className="ml-2 text-xs text-muted-foreground">({t("you")})</span>
                  ) : null}
                </TableCell>
                <TableCell>{common(`roles.${op.role}`)}</TableCell>
                <TableCell className="hidden sm:table-cell">
                  <Badge variant={op.disabled_at ? "destructive" : "success"}>
                    {op.disabled_at ? t("disabledState") : t("active")}
                  </Badge>
                </TableCell>
                <TableCell className="hidden text-sm md:table-cell">
                  {op.last_login_at ? formatDateTime(op.last_login_at) : t("never")}
                </TableCell>
                <TableCell className="hidden md:table-cell">{op.active_sessions}</TableCell>
                <TableCell className="hidden text-sm md:table-cell">
                  {op.telegram_user_id ?? <span className="text-muted-foreground">{t("notLinked")}</span>}
                </TableCell>
                <TableCell>
                  <DropdownMenu>
                    <DropdownMenuTrigger asChild>
                      <Button variant="ghost" size="icon" aria-label={t("actions", { email: op.email })}>
                        <MoreHorizontalIcon />
                      </Button>
                    </DropdownMenuTrigger>
                    <DropdownMenuContent align="end">
                      {roles
                        .filter((role) => role !== op.role)
                        .map((role) => (
                          <DropdownMenuItem key={role} onSelect={() => update.mutate({ id: op.id, role })}>
                            {t("changeRole", { role: common(`roles.${role}`) })}
                          </DropdownMenuItem>
                        ))}
                      <DropdownMenuSeparator />
                      <DropdownMenuItem onSelect={() => setPending({ kind: "reset", operator: op })}>
                        {t("resetPassword")}
                      </DropdownMenuItem>
                      <DropdownMenuItem onSelect={() => setPending({ kind: "revoke", operator: op })}>
                        {t("revokeSessions")}
                      </DropdownMenuItem>
                      {op.telegram_user_id !== null ? (
                        <DropdownMenuItem onSelect={() => setPending({ kind: "unlink", operator: op })}>
                          {t("unlinkTelegram")}
                        </DropdownMenuItem>
                      ) : null}
                      {op.disabled_at ? (
                        <DropdownMenuItem onSelect={() => update.mutate({ id: op.id, disabled: false })}>
                          {t("enable")}
                        </DropdownMenuItem>
                      ) : (
                        <DropdownMenuItem
                          variant="destructive"
                          onSelect={() => setPending({ kind: "disable", operator: op })}
                        >
                          {t("disable")}
                        </DropdownMenuItem>
                      )}
                    </DropdownMenuContent>
                  </DropdownMenu>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => !open && setPending(null)}
        destructive
        title={title}
        description={description}
        confirmLabel={label}
        pending={update.isPending || reset.isPending || revoke.isPending || unlink.isPending}
        onConfirm={confirm}
      />
      <PasswordDialog shown={shown} onClose={() => setShown(null)} />
    </div>
  );
}
