import { StatusBadge } from "../../../components/cells.tsx";
import type { BroadcastRow } from "../api/broadcasts-api.ts";
import { useBroadcastsT } from "../i18n.ts";

const tones = {
  draft: "outline",
  scheduled: "secondary",
  sending: "warning",
  paused: "warning",
  done: "success",
  cancelled: "destructive",
} as const;

export function BroadcastStatusBadge({ status }: { status: BroadcastRow["status"] }) {
  const t = useBroadcastsT();
  return <StatusBadge label={t(`statuses.${status}`)} tone={tones[status]} />;
}
