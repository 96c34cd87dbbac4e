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

export const AUDIT_PAGE_SIZE = 50;

/**
 * The organisation's audit log, newest first, one page at a time; `area` narrows
 * to actions starting with it (e.g. "alertRule", "metric", "score.override").
 */
export async function listAuditEntries(ctx: TenantContext, q: { area?: string; page: number }) {
  const where = { organizationId: ctx.organizationId, ...(q.area ? { action: { startsWith: q.area } } : {}) };
  const [rows, total] = await Promise.all([
    db().auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        actorId: true,
        actorKind: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        createdAt: true,
      },
    }),
    db().auditLog.count({ where }),
  ]);
  const actors = await db().user.findMany({
    where: { id: { in: [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))] } },
    select: { id: true, name: true },
  });
  return {
    total,
    items: rows.map((r) => ({
      ...r,
      actorName: actors.find((a) => a.id === r.actorId)?.name ?? (r.actorKind === "user" ? "—" : r.actorKind),
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
