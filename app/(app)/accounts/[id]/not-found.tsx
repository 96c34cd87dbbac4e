import Link from "next/link";

export default function AccountNotFound() {
  return (
    <div className="card empty">
      <strong>Account not found</strong>
      <p>It may have been removed, or it is outside the accounts you can see.</p>
      <Link href="/accounts">Back to accounts</Link>
    </div>
  );
}
