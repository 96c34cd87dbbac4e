/** A tier as results show it. */
export interface TierInfo {
  key: string;
  label: string;
  color: string;
  letter: string | null;
}

/** Below the model's minimum coverage: never silently 0, never "At risk". */
export const INSUFFICIENT_DATA: TierInfo = {
  key: "insufficient_data",
  label: "Insufficient data",
  color: "#98a2b3",
  letter: null,
};
