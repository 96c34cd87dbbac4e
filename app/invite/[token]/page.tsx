import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { viewInvitation, type InvitationView } from "@/lib/services/invitations";
import { acceptInvitationSchema } from "@/lib/validation/members";

// The link is a secret: no page it leads to is told it in a Referer header.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

/** Why a link no longer works, and what to do: a heading and a sentence. */
function ended(view: InvitationView): [string, string] {
  if (view.state === "invalid")
    return [
      "This invitation link is not valid",
      "Ask an admin of your organisation to add you again: you will get a new link.",
    ];
  if (view.state === "accepted")
    return ["This invitation has been accepted", "Its link works once. Sign in with the password chosen then."];
  if (view.state === "expired")
    return [
      "This invitation has expired",
      `Its link worked until ${formatDateTime(view.expiresAt.toISOString())}. Ask an admin of ${view.organizationName} to add you again.`,
    ];
  return [
    "You already have a Pulseboard login",
    `${view.email} has a login already: sign in with it, and ask an admin to add you to ${view.organizationName}.`,
  ];
}

/** An invitation's link: who is invited where, and the form to join; or why the link no longer works. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const wellFormed = acceptInvitationSchema.shape.token.safeParse(token).success;
  const view: InvitationView = wellFormed ? await viewInvitation(token) : { state: "invalid" };
  return (
    <main className="auth-page">
      <div className="card auth-card stack">
        <div className="row" style={{ gap: 8 }}>
          <span className="brand-dot" aria-hidden="true" />
          <strong>Pulseboard</strong>
        </div>
        {view.state === "open" ? (
          <>
            <div>
              <h1>Join {view.organizationName}</h1>
              <p className="muted">
                You are invited as {ROLE_LABELS[view.role]} ({view.email}). Choose your password to join.
              </p>
            </div>
            <AcceptInvitationForm token={token} name={view.name} />
          </>
        ) : (
          <>
            <h1>{ended(view)[0]}</h1>
            <p>{ended(view)[1]}</p>
            <Link className="btn" href="/login">
              Sign in
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
