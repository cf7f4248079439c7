/** The `<option>`s of a site picker, one per site by name (the select around it is the caller's). */
export function SiteOptions({ sites }: { sites: readonly { readonly id: string; readonly name: string }[] }) {
  return (
    <>
      {sites.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </>
  );
}
