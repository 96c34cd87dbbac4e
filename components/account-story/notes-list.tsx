import { formatDateTime } from "@/lib/format";

export function NotesList({ notes }: { notes: { id: string; body: string; createdAt: string; author: string }[] }) {
  if (notes.length === 0) return <p className="muted">No notes yet.</p>;
  return (
    <ul className="plain-list">
      {notes.map((n) => (
        <li key={n.id}>
          <div className="muted" style={{ fontSize: 12 }}>
            {n.author} · {formatDateTime(n.createdAt)}
          </div>
          <div style={{ whiteSpace: "pre-wrap" }}>{n.body}</div>
        </li>
      ))}
    </ul>
  );
}
