import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import { db } from "./client";

export async function listTeams(ctx: TenantContext) {
  return db().team.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export async function getTeamOrThrow(ctx: TenantContext, teamId: string) {
  const team = await db().team.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: teamId } },
    select: { id: true, name: true },
  });
  if (!team) throw new NotFoundError("Team");
  return team;
}
