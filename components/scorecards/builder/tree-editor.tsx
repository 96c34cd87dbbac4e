"use client";

import { useState } from "react";
import {
  issuesAt,
  metricNodeFor,
  nextWeight,
  shift,
  type CatalogueMetric,
  type Level,
} from "@/lib/model-builder/draft";
import type { CategoryNode, ModelIssue } from "@/lib/scoring";
import { IssueList, MoveButtons, NumberInput, TextInput } from "./fields";
import { MetricEditor } from "./metric-editor";
import { WeightBar } from "./weight-bar";

export interface TreeContext {
  range: { min: number; max: number };
  catalogue: Map<string, CatalogueMetric>;
  /** Metric and category keys already in the tree. */
  used: Set<string>;
  issues: readonly ModelIssue[];
  newCategory: (weight: number) => CategoryNode;
  /** Every category by path of names, and moving a metric into one (null: the top level). */
  categories: { key: string; name: string }[];
  moveMetric: (metricKey: string, to: string | null) => void;
}

/**
 * One level of the category tree — the top, or a category's inside: its weight
 * bar, its categories (each a level of its own) and metrics, and buttons to add
 * more. `path` is the level's place in the definition, as validation names it.
 */
export function LevelEditor<L extends Level>({
  level,
  path,
  label,
  tree,
  onChange,
}: {
  level: L;
  path: string;
  label: string;
  tree: TreeContext;
  onChange: (level: L) => void;
}) {
  const parentKey = "key" in level && typeof level.key === "string" ? level.key : null;
  const at = (kind: "metrics" | "categories", i: number) => `${path ? `${path}.` : ""}${kind}[${i}]`;
  return (
    <div className="stack builder-level">
      <WeightBar level={level} label={label} />
      <IssueList issues={issuesAt(tree.issues, path || "(top level)", path || "metrics")} />
      {level.metrics.length + level.categories.length > 0 && (
        <ul className="builder-tree">
          {level.categories.map((c, i) => (
            <CategoryEditor
              key={`c${i}`}
              node={c}
              path={at("categories", i)}
              tree={tree}
              onChange={(node) =>
                onChange({ ...level, categories: level.categories.map((x, j) => (j === i ? node : x)) })
              }
              onRemove={() => onChange({ ...level, categories: level.categories.filter((_, j) => j !== i) })}
              onMove={(delta) => onChange({ ...level, categories: shift(level.categories, i, delta) })}
            />
          ))}
          {level.metrics.map((m, i) => (
            <MetricEditor
              key={`m${i}:${m.metric}`}
              node={m}
              path={at("metrics", i)}
              range={tree.range}
              catalogue={tree.catalogue.get(m.metric)}
              issues={tree.issues}
              onChange={(node) => onChange({ ...level, metrics: level.metrics.map((x, j) => (j === i ? node : x)) })}
              onRemove={() => onChange({ ...level, metrics: level.metrics.filter((_, j) => j !== i) })}
              onMove={(delta) => onChange({ ...level, metrics: shift(level.metrics, i, delta) })}
              placement={{ at: parentKey, choices: tree.categories, move: (to) => tree.moveMetric(m.metric, to) }}
            />
          ))}
        </ul>
      )}
      <AddChildren
        label={label}
        tree={tree}
        onAddMetric={(metric) =>
          onChange({ ...level, metrics: [...level.metrics, metricNodeFor(metric, tree.range, nextWeight(level))] })
        }
        onAddCategory={() =>
          onChange({ ...level, categories: [...level.categories, tree.newCategory(nextWeight(level))] })
        }
      />
    </div>
  );
}

function CategoryEditor({
  node,
  path,
  tree,
  onChange,
  onRemove,
  onMove,
}: {
  node: CategoryNode;
  path: string;
  tree: TreeContext;
  onChange: (node: CategoryNode) => void;
  onRemove: () => void;
  onMove: (delta: number) => void;
}) {
  const own = issuesAt(tree.issues, `${path}.key`, `${path}.weight`, `${path}.name`);
  return (
    <li className="builder-node builder-category" aria-label={`Category ${node.name}`}>
      <div className="row builder-row">
        <span className="badge">category</span>
        <TextInput
          hideLabel
          label={`Name of category ${node.key}`}
          value={node.name}
          onChange={(name) => onChange({ ...node, name })}
        />
        <TextInput
          hideLabel
          label={`Key of ${node.name}`}
          value={node.key}
          onChange={(key) => onChange({ ...node, key })}
        />
        <NumberInput
          hideLabel
          label={`Weight of ${node.name}`}
          value={node.weight}
          suffix="%"
          invalid={own.some((i) => i.path.endsWith(".weight"))}
          onChange={(v) => onChange({ ...node, weight: v! })}
        />
        <MoveButtons name={node.name} onMove={onMove} />
        <button type="button" className="btn btn-ghost" onClick={onRemove}>
          Remove<span className="sr-only"> {node.name}</span>
        </button>
      </div>
      <IssueList issues={own} />
      <LevelEditor level={node} path={path} label={node.name} tree={tree} onChange={onChange} />
    </li>
  );
}

function AddChildren({
  label,
  tree,
  onAddMetric,
  onAddCategory,
}: {
  label: string;
  tree: TreeContext;
  onAddMetric: (metric: CatalogueMetric) => void;
  onAddCategory: () => void;
}) {
  const available = [...tree.catalogue.values()].filter((m) => !tree.used.has(m.key));
  const [choice, setChoice] = useState("");
  const picked = available.find((m) => m.key === choice) ?? available[0];
  return (
    <div className="row builder-add">
      {available.length > 0 ? (
        <>
          <select
            className="input input-sm"
            aria-label={`Metric to add to ${label}`}
            value={picked?.key}
            onChange={(e) => setChoice(e.target.value)}
          >
            {available.map((m) => (
              <option key={m.key} value={m.key}>
                {m.name} ({m.key})
              </option>
            ))}
          </select>
          <button type="button" className="btn" onClick={() => picked && onAddMetric(picked)}>
            Add metric<span className="sr-only"> to {label}</span>
          </button>
        </>
      ) : (
        <span className="muted small">Every catalogue metric is in this scorecard.</span>
      )}
      <button type="button" className="btn" onClick={onAddCategory}>
        Add category<span className="sr-only"> to {label}</span>
      </button>
    </div>
  );
}
