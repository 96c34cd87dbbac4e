import { METRIC_COLUMN } from "../../validation/imports";
import { saysNoValue, type MappedRow } from "./rows";

/**
 * One value of a wide observations row (a column per metric), seen as a row of
 * a long file: Metric key is the column's metric and Value its cell, named by
 * the column's header in any rejection; the account and time are the row's.
 */
class WideValue implements MappedRow {
  readonly traits: [string, string][] = [];

  constructor(
    private row: MappedRow,
    private field: string,
  ) {}

  get(field: string): string {
    if (field === "metric") return this.field.slice(METRIC_COLUMN.length);
    return this.row.get(field === "value" ? this.field : field);
  }

  column(field: string): string {
    return this.row.column(field === "metric" || field === "value" ? this.field : field);
  }
}

/**
 * The values of a wide row, one per metric column (`fields`) with a value in its
 * cell: an empty cell, or one that says it has none ("N/A", "-"), is no reading.
 */
export function wideValues(row: MappedRow, fields: string[]): MappedRow[] {
  return fields
    .filter((field) => {
      const cell = row.get(field).trim();
      return cell !== "" && !saysNoValue(cell);
    })
    .map((field) => new WideValue(row, field));
}
