import { levelStatus, levelTotal, type Level } from "@/lib/model-builder/draft";

const PALETTE = ["#3451d1", "#12b76a", "#f79009", "#7a5af8", "#06aed4", "#ee46bc", "#667085", "#16b364"];

/**
 * One level's weights as a bar of 100 %: a segment per child, the rest left
 * empty, and the total in words (complete, what is left, or how far over).
 */
export function WeightBar({ level, label }: { level: Level; label: string }) {
  const parts = [
    ...level.categories.map((c) => ({ name: c.name, weight: c.weight })),
    ...level.metrics.map((m) => ({ name: m.name ?? m.metric, weight: m.weight })),
  ];
  const total = levelTotal(level);
  const status = levelStatus(total);
  const scale = Math.max(100, total);
  return (
    <div className="weight-bar" data-testid="weight-bar">
      <div className="row small">
        <span>{label}: weights</span>
        <strong className={status.ok ? "text-ok" : "text-danger"} aria-live="polite">
          {status.text}
        </strong>
      </div>
      <div
        className="stackbar"
        role="img"
        aria-label={`${label}: ${parts.map((p) => `${p.name} ${p.weight} %`).join(", ") || "nothing yet"}`}
      >
        {parts.map((p, i) => (
          <span
            key={i}
            title={`${p.name}: ${p.weight} %`}
            style={{ width: `${(Math.max(0, p.weight) / scale) * 100}%`, background: PALETTE[i % PALETTE.length] }}
          />
        ))}
      </div>
    </div>
  );
}
