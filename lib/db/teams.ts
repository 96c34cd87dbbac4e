import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import { db, type Tx } from "./client";

export async function listTeams(ctx: TenantContext) {
  return db().team.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** The organisation's team, or null (deleted, or another organisation's). */
export function findTeam(ctx: TenantContext, teamId: string, tx: Tx = db()) {
  return tx.team.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: teamId } },
    select: { id: true, name: true },
  });
}

export async function getTeamOrThrow(ctx: TenantContext, teamId: string) {
  const team = await findTeam(ctx, teamId);
  if (!team) throw new NotFoundError("Team");
  return team;
}
