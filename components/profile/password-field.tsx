import { FieldError } from "@/components/ui/field-error";

export function PasswordField({
  name,
  label,
  autoComplete,
  errors,
}: {
  name: string;
  label: string;
  autoComplete: string;
  errors?: string[];
}) {
  return (
    <label className="field">
      {label}
      <input className="input" name={name} type="password" autoComplete={autoComplete} aria-invalid={Boolean(errors)} />
      <FieldError messages={errors} />
    </label>
  );
}
