/** The account page while its reads answer. */
export function AccountSkeleton() {
  return (
    <div className="stack" aria-busy="true" aria-label="Loading the account">
      <div className="skeleton" style={{ height: 28, width: 260 }} />
      <div className="skeleton" style={{ height: 120 }} />
      <div className="grid grid-2">
        <div className="skeleton" style={{ height: 300 }} />
        <div className="skeleton" style={{ height: 300 }} />
      </div>
      <div className="skeleton" style={{ height: 360 }} />
    </div>
  );
}
