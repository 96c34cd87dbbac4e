import { csvResponse, errorResponse } from "@/lib/api/respond";
import { spreadsheetField as csv } from "@/lib/csv";
import { requireTenant } from "@/lib/auth/context";
import { exportAtRisk } from "@/lib/services/dashboards/at-risk";
import { atRiskQuerySchema } from "@/lib/validation/dashboards";

const round = (v: number | null, digits = 1) => (v === null ? null : Number(v.toFixed(digits)));

/** The at-risk list as the user sees it (same scope, filters and order), every page, as CSV. */
export async function GET(request: Request) {
  try {
    const { ctx } = await requireTenant("accounts:read");
    const query = atRiskQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const pages = exportAtRisk(ctx, query);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          encoder.encode(
            "rank,account_external_id,account,priority,score,tier,delta_30d,coverage_pct,arr,renewal_date,owner,team\n",
          ),
        );
      },
      async pull(controller) {
        const next = await pages.next();
        if (next.done) return controller.close();
        const { card, rows } = next.value;
        const tierLabel = new Map(card.tiers.map((t) => [t.key, t.label]));
        const lines = rows.map((r) =>
          [
            (rank += 1),
            r.externalId,
            r.name,
            round(r.priority),
            round(r.score),
            tierLabel.get(r.tierKey) ?? r.tierKey,
            round(r.delta30),
            Math.round(r.coverage * 100),
            r.arr,
            r.renewalDate,
            r.owner,
            r.team,
          ]
            .map(csv)
            .join(","),
        );
        controller.enqueue(encoder.encode(lines.map((l) => `${l}\n`).join("")));
      },
    });
    let rank = 0;
    return csvResponse(body, `at-risk-${new Date().toISOString().slice(0, 10)}.csv`);
  } catch (error) {
    return errorResponse(error);
  }
}
