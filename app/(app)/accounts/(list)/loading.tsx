export default function Loading() {
  return (
    <div className="stack" aria-busy="true" aria-label="Loading accounts">
      <div className="skeleton" style={{ height: 28, width: 180 }} />
      <div className="skeleton" style={{ height: 40 }} />
      {Array.from({ length: 10 }, (_, i) => (
        <div key={i} className="skeleton" style={{ height: 36 }} />
      ))}
    </div>
  );
}
