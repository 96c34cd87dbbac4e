/** `<option>`s for a list of named things, optionally led by an empty choice. */
export function Options({ items, empty }: { items: { id: string; name: string }[]; empty?: string }) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
    </>
  );
}
