/** A share of a whole as a whole percent; a dash when there is no whole. */
export const percentOf = (part: number, whole: number): string =>
  whole > 0 ? `${Math.round((part / whole) * 100)}%` : "—";
