/**
 * A small JSON Schema (OpenAPI 3.0 subset) checker, independent of zod, so the
 * API tests hold real responses against the served document itself.
 */
type Schema = {
  type?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
};

export function validateJson(schema: Schema, value: unknown, path = "$"): string[] {
  if (value === null && schema.nullable) return [];
  if (schema.anyOf || schema.oneOf) {
    const options = (schema.anyOf ?? schema.oneOf)!;
    return options.some((s) => validateJson(s, value, path).length === 0)
      ? []
      : [`${path}: matches none of the allowed shapes`];
  }
  if (schema.enum && !schema.enum.includes(value))
    return [`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  switch (schema.type) {
    case undefined:
      return [];
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${path}: expected an object`];
      const obj = value as Record<string, unknown>;
      const errors = (schema.required ?? []).filter((k) => !(k in obj)).map((k) => `${path}.${k}: is required`);
      for (const [k, v] of Object.entries(obj)) {
        const sub = schema.properties?.[k];
        if (sub) errors.push(...validateJson(sub, v, `${path}.${k}`));
        else if (schema.additionalProperties === false) errors.push(`${path}.${k}: is not in the schema`);
        else if (typeof schema.additionalProperties === "object")
          errors.push(...validateJson(schema.additionalProperties, v, `${path}.${k}`));
      }
      return errors;
    }
    case "array":
      return Array.isArray(value)
        ? value.flatMap((v, i) => (schema.items ? validateJson(schema.items, v, `${path}[${i}]`) : []))
        : [`${path}: expected an array`];
    case "integer":
      return Number.isInteger(value) ? [] : [`${path}: expected an integer`];
    case "number":
      return typeof value === "number" ? [] : [`${path}: expected a number`];
    default:
      return typeof value === schema.type
        ? []
        : [`${path}: expected ${schema.type}, got ${value === null ? "null" : typeof value}`];
  }
}
