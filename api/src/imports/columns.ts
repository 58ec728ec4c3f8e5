/**
 * SQL pieces shared by the diff and the writer, built from an ImportSpec: which table columns a layer's fields
 * land in, the typed value of a field from the staging row, and the current rows to compare with. Identifiers are
 * quoted with quoteIdent; field names come from the spec, never from a request.
 */
import { quoteIdent } from 'db';
import type { ImportField, ImportSpec } from './specs.js';

/** Fields that are table columns (parent_site_code is resolved to parent_site_id by the writer). */
export function columnFields(spec: ImportSpec): ImportField[] {
  if (spec.store === 'catchment') return [];
  return spec.fields.filter((f) => f.name !== spec.key && f.name !== 'parent_site_code');
}

export const columnOf = (f: ImportField) => quoteIdent(f.column ?? f.name);

/** The field's value in staging row `s`, cast to its column type (NULL when the file has no value). */
export function valueOf(f: ImportField, alias = 's'): string {
  const key = `'${f.name}'`;
  if (f.sql === 'text[]') return `(CASE WHEN jsonb_typeof(${alias}.attrs->${key}) = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(${alias}.attrs->${key})) END)`;
  return `(${alias}.attrs->>${key})::${f.sql}`;
}

/** Whether the file mapped the field at all (an unmapped field never changes a stored value). */
export const mapped = (f: ImportField, alias = 's') => `${alias}.attrs ? '${f.name}'`;

export const keyColumn = (spec: ImportSpec) => quoteIdent(spec.key);
export const geomColumn = (spec: ImportSpec) => (spec.store === 'catchment' ? 'catchment' : 'geom');

/** Current rows of the layer, as `c` with `key` and `geom`. */
export function currentRows(spec: ImportSpec): string {
  const table = quoteIdent(spec.table);
  switch (spec.store) {
    case 'admin_area':
      return `(SELECT * FROM admin_area WHERE valid_to IS NULL AND level = '${spec.level}')`;
    case 'catchment':
      return `(SELECT * FROM wastewater_site WHERE catchment IS NOT NULL)`;
    default:
      return table;
  }
}
