import Link from "next/link";

export default function NotFound() {
  return (
    <main className="auth-page">
      <div className="card auth-card empty">
        <strong>Page not found</strong>
        <p>The page does not exist, or you do not have access to it.</p>
        <Link href="/accounts">Go to accounts</Link>
      </div>
    </main>
  );
}
