/** Calendar days as the app stores them: UTC midnight, written as ISO dates ("2026-11-22"). */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const dayDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const addDays = (iso: string, days: number) => isoDay(new Date(dayDate(iso).getTime() + days * 86_400_000));
/** The UTC day an instant falls on. */
export const utcDay = (t: Date) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
