import { Prisma } from "./client";

/** Snapshots (`s`), each with its explanation (`e`, same key): for the few reads that show an explanation. */
export const SNAPSHOTS_WITH_EXPLANATIONS = Prisma.sql`"ScoreSnapshot" s
  JOIN "ScoreExplanation" e ON e."organizationId" = s."organizationId" AND e."scorecardId" = s."scorecardId"
    AND e."day" = s."day" AND e."accountId" = s."accountId"`;
