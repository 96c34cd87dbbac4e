"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { TableCard } from "@/components/ui/table-card";
import { deleteSegmentAction, deleteStageAction, moveStageAction } from "@/lib/actions/segments";
import { TableHead } from "@/components/ui/table-head";

interface Item {
  id: string;
  key: string;
  name: string;
  ruleText: string | null;
  count: string;
}

type Result = { ok: true } | { ok: false; error: { message: string } };

/** Segments, or lifecycle stages in evaluation order (with up / down), each with its rule in words and its accounts. */
export function RuleTargetsTable({
  kind,
  items,
  canEdit,
}: {
  kind: "segment" | "stage";
  items: Item[];
  canEdit: boolean;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<Result>) =>
    start(async () => {
      const r = await action();
      setError(r.ok ? null : r.error.message);
    });
  const noun = kind === "segment" ? "segment" : "stage";
  return (
    <>
      {error && (
        <div role="alert" className="alert alert-error">
          {error}
        </div>
      )}
      <TableCard caption={kind === "segment" ? "Segments" : "Lifecycle stages, in evaluation order"}>
        <TableHead
          columns={[
            kind === "stage" && "#",
            kind === "segment" ? "Segment" : "Stage",
            "Rule",
            { label: "Accounts", num: true },
          ]}
          actions={canEdit}
        />
        <tbody>
          {items.map((s, i) => (
            <tr key={s.id}>
              {kind === "stage" && <td>{i + 1}</td>}
              <td>
                <div>{s.name}</div>
                <div className="muted small">
                  <code>{s.key}</code>
                </div>
              </td>
              <td>
                {s.ruleText ?? (
                  <span className="muted">{kind === "segment" ? "Hand-kept" : "No rule (catch-all / by hand)"}</span>
                )}
              </td>
              <td className="num">{s.count}</td>
              {canEdit && (
                <td>
                  <div className="row nowrap">
                    {kind === "stage" && (
                      <>
                        <button
                          className="btn"
                          type="button"
                          aria-label={`Move ${s.name} up`}
                          disabled={pending || i === 0}
                          onClick={() => run(() => moveStageAction({ stageId: s.id, direction: "up" }))}
                        >
                          ↑
                        </button>
                        <button
                          className="btn"
                          type="button"
                          aria-label={`Move ${s.name} down`}
                          disabled={pending || i === items.length - 1}
                          onClick={() => run(() => moveStageAction({ stageId: s.id, direction: "down" }))}
                        >
                          ↓
                        </button>
                      </>
                    )}
                    <Link className="btn" href={`/settings/segments?${kind}=${s.id}`} aria-label={`Edit ${s.name}`}>
                      Edit
                    </Link>
                    <button
                      className="btn btn-danger"
                      type="button"
                      disabled={pending}
                      onClick={() => {
                        if (window.confirm(`Delete the ${noun} "${s.name}"?`))
                          run(() =>
                            kind === "segment"
                              ? deleteSegmentAction({ segmentId: s.id })
                              : deleteStageAction({ stageId: s.id }),
                          );
                      }}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </TableCard>
    </>
  );
}
