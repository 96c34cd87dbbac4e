"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="card empty" role="alert">
      <strong>Something went wrong loading this page.</strong>
      <p>It has been logged. Try again, and if it keeps happening tell your admin.</p>
      <button className="btn" type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
