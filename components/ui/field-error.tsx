export function FieldError({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return <span className="field-error">{messages.join("; ")}</span>;
}

/** Why a button's action failed, next to the button (announced as it appears); nothing while there is none. */
export function ActionError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <span role="alert" className="field-error">
      {message}
    </span>
  );
}
