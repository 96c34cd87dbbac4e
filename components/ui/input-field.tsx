import { FieldError } from "./field-error";

/** A labelled input with its hint and validation messages (the field is marked invalid when there are any). */
export function InputField({
  label,
  errors,
  hint,
  ...input
}: { label: string; errors?: string[]; hint?: string } & React.InputHTMLAttributes<HTMLInputElement> & {
    name: string;
  }) {
  return (
    <label className="field">
      {label}
      <input className="input" aria-invalid={Boolean(errors)} {...input} />
      {hint && <span className="muted small">{hint}</span>}
      <FieldError messages={errors} />
    </label>
  );
}
