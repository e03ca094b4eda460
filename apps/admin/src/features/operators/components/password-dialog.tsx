import { Button } from "@lumen/ui/components/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@lumen/ui/components/dialog";
import { SecretOnce } from "../../../components/secret-once.tsx";
import type { OperatorWithPassword } from "../api/operators.ts";
import { useOperatorsT } from "../i18n.ts";

/** The temporary password the server returned, shown this once. */
export function PasswordDialog({
  shown,
  onClose,
}: {
  shown: OperatorWithPassword | null;
  onClose: () => void;
}) {
  const t = useOperatorsT();
  return (
    <Dialog open={shown !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("passwordTitle", { email: shown?.operator.email ?? "" })}</DialogTitle>
          <DialogDescription>{t("inviteDescription")}</DialogDescription>
        </DialogHeader>
        {shown ? (
          <SecretOnce
            value={shown.temporary_password}
            warning={t("passwordWarning")}
            copyLabel={t("copy")}
            copiedLabel={t("copied")}
          />
        ) : null}
        <DialogFooter>
          <Button onClick={onClose}>{t("done")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
