export default function Loading() {
  return (
    <div className="stack" aria-busy="true" aria-label="Loading the at-risk list">
      <div className="skeleton" style={{ height: 28, width: 160 }} />
      <div className="skeleton" style={{ height: 40 }} />
      {Array.from({ length: 12 }, (_, i) => (
        <div key={i} className="skeleton" style={{ height: 36 }} />
      ))}
    </div>
  );
}
