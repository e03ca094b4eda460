import type { DrillLinkBody } from "@lumen/contracts";
import { FigureCard } from "../../../components/figure-card.tsx";
import { DrillLink } from "./drill-link.tsx";

/** A figure card that opens the list behind its number. */
export function KpiCard({
  link,
  openLabel,
  ...figure
}: {
  label: string;
  value: string;
  hint?: string | undefined;
  link: DrillLinkBody | null;
  openLabel: string;
  testId: string;
}) {
  return (
    <DrillLink
      link={link}
      label={`${figure.label}: ${figure.value}. ${openLabel}`}
      className="block border-0"
    >
      <FigureCard {...figure} />
    </DrillLink>
  );
}
