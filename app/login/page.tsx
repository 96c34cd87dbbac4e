import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getRequestContext } from "@/lib/auth/context";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getRequestContext()) redirect("/portfolio");
  const { callbackUrl } = await searchParams;
  // Only same-site paths: an open redirect after login would be a phishing aid.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/portfolio";
  return (
    <main className="auth-page">
      <div className="card auth-card stack">
        <div>
          <div className="row" style={{ gap: 8, marginBottom: 12 }}>
            <span className="brand-dot" aria-hidden="true" />
            <strong>Pulseboard</strong>
          </div>
          <h1>Sign in</h1>
          <p className="muted">Customer health, explained.</p>
        </div>
        <LoginForm next={next} />
      </div>
    </main>
  );
}
