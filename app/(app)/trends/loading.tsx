export default function Loading() {
  return (
    <div className="stack" aria-busy="true" aria-label="Loading trends">
      <div className="skeleton" style={{ height: 28, width: 160 }} />
      <div className="skeleton" style={{ height: 40 }} />
      <div className="multiples">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="skeleton" style={{ height: 190 }} />
        ))}
      </div>
    </div>
  );
}
