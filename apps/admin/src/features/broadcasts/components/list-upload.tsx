import { Button } from "@lumen/ui/components/button";
import { Input } from "@lumen/ui/components/input";
import { toast } from "@lumen/ui/components/sonner";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { broadcastKeys, uploadList } from "../api/broadcasts-api.ts";
import { useBroadcastsT } from "../i18n.ts";

/** Saves a CSV of Telegram ids (read in the browser, sent as text) as a list the segment can target. */
export function ListUpload({ onSaved }: { onSaved: (id: string) => void }) {
  const t = useBroadcastsT();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const save = useMutation({
    mutationFn: async () => uploadList({ name, csv: file ? await file.text() : "" }),
    onSuccess: async (list) => {
      toast.success(t("form.listSaved", { size: list.size }));
      await queryClient.invalidateQueries({ queryKey: broadcastKeys.lists() });
      onSaved(list.id);
    },
  });
  return (
    <fieldset className="grid gap-2 rounded-md border p-3">
      <legend className="px-1 text-sm">{t("form.uploadList")}</legend>
      <Input
        aria-label={t("form.listName")}
        placeholder={t("form.listName")}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <Input
        type="file"
        accept=".csv,text/csv,text/plain"
        aria-label={t("form.uploadList")}
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <Button
        type="button"
        variant="outline"
        disabled={!name || !file || save.isPending}
        onClick={() => save.mutate()}
      >
        {t("form.upload")}
      </Button>
    </fieldset>
  );
}
