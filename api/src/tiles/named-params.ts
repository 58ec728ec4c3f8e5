/**
 * SQL text is written with named parameters ($z, $asOf, ...) and compiled once into positional ones ($1, $2),
 * remembering which name goes where. The hot path then binds values by name and nothing else.
 */
export interface CompiledSql<N extends string = string> {
  text: string;
  names: N[];
  /** Prepared-statement name, when the statement runs often enough to be planned once (see tile-sql.ts). */
  statement?: string;
}

export function compileNamed<N extends string>(sql: string): CompiledSql<N> {
  const names: N[] = [];
  const text = sql.replace(/\$([a-zA-Z]\w*)/g, (_m, name: N) => {
    let i = names.indexOf(name);
    if (i < 0) i = names.push(name) - 1;
    return `$${i + 1}`;
  });
  return { text, names };
}

export function bindNamed<N extends string>(c: CompiledSql<N>, values: Record<N, unknown>): unknown[] {
  return c.names.map((n) => {
    if (!(n in values)) throw new Error(`no value for SQL parameter $${n}`);
    return values[n];
  });
}
