-- Explanations move out of the snapshot rows into their own table, keyed by day
-- before account. History reads (trends, tier movement, alerts, digests) scan
-- snapshot rows by the hundred thousand and never need the explanation.

-- CreateTable (the key is added after the copy: one index build instead of a row-by-row insert)
CREATE TABLE "ScoreExplanation" (
    "organizationId" UUID NOT NULL,
    "scorecardId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "accountId" UUID NOT NULL,
    "detail" JSON NOT NULL
);

INSERT INTO "ScoreExplanation" ("organizationId", "scorecardId", "day", "accountId", "detail")
SELECT "organizationId", "scorecardId", "day", "accountId", "detail" FROM "ScoreSnapshot";

ALTER TABLE "ScoreExplanation"
    ADD CONSTRAINT "ScoreExplanation_pkey" PRIMARY KEY ("organizationId","scorecardId","day","accountId");

-- AlterTable (existing rows give the space back as they are rewritten, e.g. by VACUUM FULL)
ALTER TABLE "ScoreSnapshot" DROP COLUMN "detail";
