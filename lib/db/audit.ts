import type { TenantContext } from "../tenant";
import { db, Prisma, type Tx } from "./client";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
}

/** Appends to the organisation's audit log, inside the caller's transaction when given. */
export async function writeAudit(ctx: TenantContext, entry: AuditEntry, tx: Tx = db()) {
  await tx.auditLog.create({
    data: {
      organizationId: ctx.organizationId,
      actorId: ctx.userId,
      actorKind: "user",
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before === undefined ? Prisma.DbNull : (entry.before as Prisma.InputJsonValue),
      after: entry.after === undefined ? Prisma.DbNull : (entry.after as Prisma.InputJsonValue),
    },
  });
}

export async function listAuditEntries(ctx: TenantContext, limit = 100) {
  return db().auditLog.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      actorId: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      createdAt: true,
    },
  });
}
