import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { getRequestContext } from "@/lib/auth/context";

export default async function NoOrganizationPage() {
  const context = await getRequestContext();
  if (!context) redirect("/login");
  if (context.tenant) redirect("/accounts");
  return (
    <main className="auth-page">
      <div className="card auth-card stack">
        <h1>No organisation yet</h1>
        <p className="muted">
          {context.principal.user.email} is not a member of any organisation. Ask an admin of your team to add you, then
          sign in again.
        </p>
        <SignOutButton />
      </div>
    </main>
  );
}
