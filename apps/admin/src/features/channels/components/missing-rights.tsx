import { Badge } from "@lumen/ui/components/badge";
import { AlertTriangleIcon, CheckCircle2Icon } from "lucide-react";
import type { Channel } from "../api/channels.ts";
import { useChannelsT } from "../i18n.ts";

/** The rights the bot lacks for paid access, each as a warning; "Ready" when none are missing. */
export function MissingRights({ channel }: { channel: Pick<Channel, "missing_rights"> }) {
  const t = useChannelsT();
  if (!channel.missing_rights.length)
    return (
      <Badge variant="success">
        <CheckCircle2Icon /> {t("allGood")}
      </Badge>
    );
  return (
    <div className="flex flex-wrap gap-1" data-missing-rights>
      {channel.missing_rights.map((right) => (
        <Badge key={right} variant="warning">
          <AlertTriangleIcon /> {t(`rights.${right}`)}
        </Badge>
      ))}
    </div>
  );
}
