-- Backfills an admin stopped were recorded as failed; they are now "stopped", so that the runs they
-- left before this release read the same as those after it.
UPDATE "ScoringRun" SET "status" = 'stopped', "error" = 'Stopped before it started.'
WHERE "status" = 'failed' AND "backfillDays" IS NOT NULL AND "error" = 'Cancelled before it started.';

UPDATE "ScoringRun" SET "status" = 'stopped'
WHERE "status" = 'failed' AND "backfillDays" IS NOT NULL AND "error" LIKE 'Stopped on request after %';
