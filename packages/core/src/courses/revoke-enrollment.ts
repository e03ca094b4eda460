import { courseEnrollmentGrants, courseEnrollments, type Database } from "@lumen/db";
import { and, eq, isNull } from "drizzle-orm";

/**
 * Takes back what a refunded course order gave: the place itself (its first order), or the
 * upgrade (the tariff goes back, unless a later upgrade already moved it on). True when the
 * place ended. A repeat finds the grant reversed and changes nothing.
 */
export async function revokeEnrollment(
  db: Database,
  input: { orderId: string; now: Date },
): Promise<boolean> {
  const [grant] = await db
    .update(courseEnrollmentGrants)
    .set({ reversedAt: input.now })
    .where(and(eq(courseEnrollmentGrants.orderId, input.orderId), isNull(courseEnrollmentGrants.reversedAt)))
    .returning();
  if (!grant) return false;
  if (grant.fromTariff === null) {
    await db
      .update(courseEnrollments)
      .set({ status: "refunded", endedAt: input.now, updatedAt: input.now })
      .where(eq(courseEnrollments.id, grant.enrollmentId));
    return true;
  }
  if (grant.fromTariff !== grant.toTariff) {
    await db
      .update(courseEnrollments)
      .set({ tariff: grant.fromTariff, updatedAt: input.now })
      .where(and(eq(courseEnrollments.id, grant.enrollmentId), eq(courseEnrollments.tariff, grant.toTariff)));
  }
  return false;
}
