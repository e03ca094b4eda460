import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { type AudienceBody, audienceQueryOptions } from "../api/broadcasts-api.ts";
import { useBroadcastsT } from "../i18n.ts";

/** The live recipient count under the segment picker, asked again half a second after the last change. */
export function AudienceCounter({ body }: { body: AudienceBody }) {
  const t = useBroadcastsT();
  const key = JSON.stringify(body);
  const [settled, setSettled] = useState(body);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as AudienceBody), 400);
    return () => clearTimeout(timer);
  }, [key]);
  const count = useQuery(audienceQueryOptions(settled));
  return (
    <p className="text-sm font-medium" data-testid="audience-count" aria-live="polite">
      {count.data && !count.isError
        ? t("form.audience", { count: count.data.count })
        : t("form.audienceUnknown")}
    </p>
  );
}
