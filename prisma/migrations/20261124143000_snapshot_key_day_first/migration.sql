-- Each day's snapshots now append to the key instead of landing one per account across a year of history:
-- with the key in account order, a nightly run on 100k accounts with a year of snapshots touched 100k scattered
-- index pages and spent 13 s of its 22 s inserting them. The key in day order also serves every read by day,
-- so the separate index by day goes; reads of one account's history skip from day to day along the key.
ALTER TABLE "ScoreSnapshot" DROP CONSTRAINT "ScoreSnapshot_pkey";
ALTER TABLE "ScoreSnapshot" ADD CONSTRAINT "ScoreSnapshot_pkey" PRIMARY KEY ("organizationId", "scorecardId", "day", "accountId");
DROP INDEX "ScoreSnapshot_organizationId_scorecardId_day_idx";
