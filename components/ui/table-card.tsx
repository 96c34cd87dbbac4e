/** A data table on a card, with an accessible caption; callers bring thead and tbody. */
export function TableCard({ caption, children, live }: { caption: string; children: React.ReactNode; live?: boolean }) {
  return (
    <div className="card table-wrap" style={{ padding: 0 }} aria-live={live ? "polite" : undefined}>
      <table className="data">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
