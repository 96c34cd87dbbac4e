import { z } from "zod";

/** How far back an admin can have the past scored ("Score the past"), in days. */
export const BACKFILL_DAYS = [30, 90, 180, 365] as const;

export const backfillSchema = z.object({
  days: z.literal(BACKFILL_DAYS).describe("How many days up to today to score: 30, 90, 180 or 365."),
});
