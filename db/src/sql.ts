/** The one place identifiers are quoted. Values always travel as $n parameters, never in SQL text. */
export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}
