import type { AccountRecord, OutcomeRecord } from "../services/imports/rows";
import { Prisma, type Tx } from "./client";

/**
 * Written records: the accounts they added or changed, how many of the records
 * were not stored before, and (accounts, outcomes) how many changed a stored one.
 */
export interface Upserted {
  ids: string[];
  created: number;
  changed?: number;
}

/**
 * Whether an upsert's returned row was inserted rather than updated: a row
 * version that no transaction has updated or locked has no xmax.
 */
const INSERTED = Prisma.sql`(xmax = 0) AS "created"`;

/**
 * What an account's update sets, column by column: a field the record leaves
 * empty keeps what is stored, and custom fields are merged into the stored ones.
 */
const ACCOUNT_UPDATES: [column: string, value: string][] = [
  ["name", `EXCLUDED."name"`],
  ["domain", `coalesce(EXCLUDED."domain", "Account"."domain")`],
  ["ownerId", `coalesce(EXCLUDED."ownerId", "Account"."ownerId")`],
  ["teamId", `coalesce(EXCLUDED."teamId", "Account"."teamId")`],
  ["seats", `coalesce(EXCLUDED."seats", "Account"."seats")`],
  ["activeUsers", `coalesce(EXCLUDED."activeUsers", "Account"."activeUsers")`],
  ["plan", `coalesce(EXCLUDED."plan", "Account"."plan")`],
  ["region", `coalesce(EXCLUDED."region", "Account"."region")`],
  ["startDate", `coalesce(EXCLUDED."startDate", "Account"."startDate")`],
  ["renewalDate", `coalesce(EXCLUDED."renewalDate", "Account"."renewalDate")`],
  ["traits", `"Account"."traits" || EXCLUDED."traits"`],
];

/**
 * The ON CONFLICT action of an account upsert: set what the record gives, but
 * only where that changes something. An account that comes again as it is
 * stored (most of a nightly CRM export) is not written, so it keeps its row,
 * its index entries and its `updatedAt`, and is neither placed again nor
 * rescored.
 */
function accountUpdate(arrGiven: boolean): Prisma.Sql {
  const updates: [string, string][] = [
    ...(arrGiven ? [["arr", `EXCLUDED."arr"`] as [string, string]] : []),
    ...ACCOUNT_UPDATES,
  ];
  const set = updates.map(([column, value]) => `"${column}" = ${value}`).join(", ");
  const stored = updates.map(([column]) => `"Account"."${column}"`).join(", ");
  const next = updates.map(([, value]) => value).join(", ");
  return Prisma.raw(`DO UPDATE SET ${set}, "updatedAt" = now() WHERE (${stored}) IS DISTINCT FROM (${next})`);
}

/**
 * Inserts or updates accounts by external id, set-based; answers the accounts
 * added or changed (see accountUpdate). ARR is NOT NULL (a
 * new account without one gets 0), so EXCLUDED cannot tell "not given": the
 * records that give one and those that do not go in a statement each (a file
 * maps the column or not, so nearly always one). Looking each row's ARR up in
 * the input inside the upsert instead cost a scan of the batch per row.
 */
export async function upsertAccounts(
  organizationId: string,
  records: AccountRecord[],
  tx: Tx,
): Promise<Upserted & { changed: number }> {
  const withArr = records.filter((r) => r.arr !== null);
  const withoutArr = records.filter((r) => r.arr === null);
  const done = [
    await upsertAccountGroup(organizationId, withArr, true, tx),
    await upsertAccountGroup(organizationId, withoutArr, false, tx),
  ];
  const ids = done.flatMap((d) => d.ids);
  const created = done[0]!.created + done[1]!.created;
  return { ids, created, changed: ids.length - created };
}

async function upsertAccountGroup(
  organizationId: string,
  records: AccountRecord[],
  arrGiven: boolean,
  tx: Tx,
): Promise<Upserted> {
  if (records.length === 0) return { ids: [], created: 0 };
  const col = <T>(pick: (r: AccountRecord) => T) => records.map(pick);
  const rows = await tx.$queryRaw<{ id: string; created: boolean }[]>`
    INSERT INTO "Account" ("organizationId", "id", "externalId", "name", "domain", "ownerId", "teamId", "arr", "seats", "activeUsers",
                           "plan", "region", "startDate", "renewalDate", "traits", "updatedAt")
    SELECT ${organizationId}::uuid, gen_random_uuid(), e, n, d, o, t, coalesce(a, 0), s, au, p, r, sd, rd, coalesce(x::jsonb, '{}'), now()
    FROM unnest(${col((r) => r.externalId)}::text[], ${col((r) => r.name)}::text[], ${col((r) => r.domain)}::text[],
                ${col((r) => r.ownerId)}::uuid[], ${col((r) => r.teamId)}::uuid[], ${col((r) => r.arr)}::numeric[],
                ${col((r) => r.seats)}::int[], ${col((r) => r.activeUsers)}::int[], ${col((r) => r.plan)}::text[],
                ${col((r) => r.region)}::text[], ${col((r) => r.startDate)}::date[], ${col((r) => r.renewalDate)}::date[],
                ${col((r) => JSON.stringify(r.traits))}::text[]) AS v(e, n, d, o, t, a, s, au, p, r, sd, rd, x)
    ON CONFLICT ("organizationId", "externalId") ${accountUpdate(arrGiven)}
    RETURNING "id", ${INSERTED}`;
  return { ids: rows.map((r) => r.id), created: rows.filter((r) => r.created).length };
}

/**
 * Inserts or updates outcomes by account, kind and date, set-based, an outcome
 * stored as it comes left as it is; answers how many were not stored before and
 * how many stored ones changed.
 */
export async function upsertOutcomes(
  organizationId: string,
  records: OutcomeRecord[],
  tx: Tx,
): Promise<{ created: number; changed: number }> {
  if (records.length === 0) return { created: 0, changed: 0 };
  const col = <T>(pick: (r: OutcomeRecord) => T) => records.map(pick);
  const rows = await tx.$queryRaw<{ created: boolean }[]>`
    INSERT INTO "Outcome" ("organizationId", "id", "accountId", "kind", "occurredOn", "arrBefore", "arrAfter", "note")
    SELECT ${organizationId}::uuid, gen_random_uuid(), a, k::"OutcomeKind", o, b, f, n
    FROM unnest(${col((r) => r.accountId)}::uuid[], ${col((r) => r.kind)}::text[], ${col((r) => r.occurredOn)}::date[],
                ${col((r) => r.arrBefore)}::numeric[], ${col((r) => r.arrAfter)}::numeric[], ${col((r) => r.note)}::text[]) AS u(a, k, o, b, f, n)
    ON CONFLICT ("organizationId", "accountId", "kind", "occurredOn") DO UPDATE SET
      "arrBefore" = EXCLUDED."arrBefore", "arrAfter" = EXCLUDED."arrAfter", "note" = EXCLUDED."note"
      WHERE ("Outcome"."arrBefore", "Outcome"."arrAfter", "Outcome"."note")
            IS DISTINCT FROM (EXCLUDED."arrBefore", EXCLUDED."arrAfter", EXCLUDED."note")
    RETURNING ${INSERTED}`;
  const created = rows.filter((r) => r.created).length;
  return { created, changed: rows.length - created };
}
