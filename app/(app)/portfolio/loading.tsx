export default function Loading() {
  return (
    <div className="stack" aria-busy="true" aria-label="Loading the portfolio">
      <div className="skeleton" style={{ height: 28, width: 200 }} />
      <div className="skeleton" style={{ height: 40 }} />
      <div className="kpis">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="skeleton" style={{ height: 84 }} />
        ))}
      </div>
      <div className="grid grid-2">
        <div className="skeleton" style={{ height: 280 }} />
        <div className="skeleton" style={{ height: 280 }} />
      </div>
      <div className="skeleton" style={{ height: 300 }} />
    </div>
  );
}
