import { z } from "zod";

/** How far back an admin can have the past scored ("Score the past"), in days. */
export const BACKFILL_DAYS = [30, 90, 180, 365] as const;

export const backfillSchema = z.object({
  days: z.coerce
    .number()
    .refine((d) => (BACKFILL_DAYS as readonly number[]).includes(d), `must be one of ${BACKFILL_DAYS.join(", ")}`),
});
