/** Ordered from the lowest: an upgrade goes to a later one. */
export const courseTariffs = ["BASIC", "FEEDBACK", "PREMIUM"] as const;
export type CourseTariff = (typeof courseTariffs)[number];
