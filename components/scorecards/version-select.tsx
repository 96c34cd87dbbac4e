/** A GET-form choice of one of a scorecard's versions, e.g. "v3 (draft)". */
export function VersionSelect({
  name,
  label,
  versions,
  defaultValue,
}: {
  name: string;
  label: string;
  versions: { id: string; number: number; status: string }[];
  defaultValue: string | undefined;
}) {
  return (
    <label className="field">
      {label}
      <select className="input" name={name} defaultValue={defaultValue}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            v{v.number} ({v.status})
          </option>
        ))}
      </select>
    </label>
  );
}
