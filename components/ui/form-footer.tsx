import Link from "next/link";

export type FormNotice = { ok: boolean; text: string } | null;

/** A form's outcome: a status when it worked, an alert when it did not. */
export function FormMessage({ message }: { message: FormNotice }) {
  if (!message) return null;
  return (
    <div role={message.ok ? "status" : "alert"} className={`alert ${message.ok ? "alert-ok" : "alert-error"}`}>
      {message.text}
    </div>
  );
}

/** Save (primary), and Cancel back to `cancelHref` while editing an existing item. */
export function SaveCancel({
  pending,
  label,
  cancelHref,
  children,
}: {
  pending: boolean;
  label: string;
  cancelHref?: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="row">
      {children}
      <button className="btn btn-primary" type="submit" disabled={pending}>
        {pending ? "Saving…" : label}
      </button>
      {cancelHref && (
        <Link className="btn" href={cancelHref}>
          Cancel
        </Link>
      )}
    </div>
  );
}
