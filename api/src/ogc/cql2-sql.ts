/**
 * A parsed CQL2 filter → an SQL condition over a layer's fields. Property names must be the layer's fields
 * (its queryables) and are replaced by the field's own SQL expression; every value becomes a named parameter
 * ($f0, $f1, …) — no value is ever written into the SQL text. Types are checked: a number field compares with
 * numbers, a date field with DATE('…'), and so on, so a mistake is a 400 naming `filter`, not a database error.
 */
import type { FieldType, LayerField } from '../layers/types.js';
import { Cql2Error, parseCql2Text, type Expr, type Scalar } from './cql2-parse.js';

export interface CompiledFilter {
  /** SQL condition with named parameters $f0.. (and $asOf where a field reads the as-of date). */
  sql: string;
  values: Record<string, unknown>;
  /** Canonical form for cache keys: the SQL shape plus the values. */
  key: string;
}

const CAST: Record<FieldType, string> = { string: 'text', number: 'double precision', boolean: 'boolean', date: 'date' };

class Compiler {
  readonly values: Record<string, unknown> = {};
  private n = 0;
  constructor(private readonly fields: Map<string, LayerField>) {}

  private field(name: string): LayerField {
    const f = this.fields.get(name);
    if (!f) throw new Cql2Error(`unknown property '${name}'; the queryables are ${[...this.fields.keys()].join(', ')}`);
    return f;
  }

  private param(value: unknown, type: FieldType): string {
    const name = `f${this.n++}`;
    this.values[name] = value;
    return `$${name}::${CAST[type]}`;
  }

  /** The scalar as SQL of the given type; a property fixes the type for the literals compared with it. */
  private scalar(s: Scalar, type: FieldType): string {
    if (s.kind === 'property') {
      const f = this.field(s.name);
      if (f.type !== type) throw new Cql2Error(`'${s.name}' is a ${f.type}, compared with a ${type}`);
      return `(${f.sql})::${CAST[type]}`;
    }
    const litType: FieldType = s.type === 'timestamp' ? 'date' : s.type;
    if (litType !== type) throw new Cql2Error(`${describe(s)} is a ${s.type}, compared with a ${type}`);
    // A timestamp against a date field: the day it falls on (UTC), as OGC datetime does here.
    return this.param(s.type === 'timestamp' ? String(s.value).slice(0, 10) : s.value, type);
  }

  /** The type of an operand list: from the first property among them, else from the first literal. */
  private typeOf(...xs: Scalar[]): FieldType {
    const prop = xs.find((x) => x.kind === 'property');
    if (prop) return this.field(prop.name).type;
    const lit = xs[0] as Extract<Scalar, { kind: 'literal' }>;
    return lit.type === 'timestamp' ? 'date' : lit.type;
  }

  compile(e: Expr): string {
    switch (e.kind) {
      case 'and':
      case 'or':
        return `(${e.args.map((a) => this.compile(a)).join(e.kind === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return `(NOT ${this.compile(e.arg)})`;
      case 'bool':
        return e.value ? 'true' : 'false';
      case 'compare': {
        const type = this.typeOf(e.left, e.right);
        if (type === 'boolean' && e.op !== '=' && e.op !== '<>') throw new Cql2Error(`booleans compare only with = and <>, not ${e.op}`);
        return `(${this.scalar(e.left, type)} ${e.op} ${this.scalar(e.right, type)})`;
      }
      case 'like': {
        if (this.typeOf(e.arg, e.pattern) !== 'string') throw new Cql2Error('LIKE compares text only');
        return `(${this.scalar(e.arg, 'string')} ${e.negated ? 'NOT LIKE' : 'LIKE'} ${this.scalar(e.pattern, 'string')})`;
      }
      case 'between': {
        const type = this.typeOf(e.arg, e.low, e.high);
        if (type === 'boolean' || type === 'string') throw new Cql2Error(`BETWEEN needs numbers or dates, not ${type}s`);
        return `(${this.scalar(e.arg, type)} ${e.negated ? 'NOT BETWEEN' : 'BETWEEN'} ${this.scalar(e.low, type)} AND ${this.scalar(e.high, type)})`;
      }
      case 'in': {
        const type = this.typeOf(e.arg, ...e.list);
        return `(${this.scalar(e.arg, type)} ${e.negated ? 'NOT IN' : 'IN'} (${e.list.map((x) => this.scalar(x, type)).join(', ')}))`;
      }
      case 'isNull': {
        if (e.arg.kind !== 'property') throw new Cql2Error('IS NULL applies to a property');
        return `(${this.scalar(e.arg, this.field(e.arg.name).type)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
      }
    }
  }
}

function describe(s: Scalar): string {
  return s.kind === 'property' ? `'${s.name}'` : typeof s.value === 'string' ? `'${s.value}'` : String(s.value);
}

/** Parse and compile a CQL2 text filter for a layer. Throws Cql2Error with a message for the user. */
export function compileCql2(text: string, fields: readonly LayerField[]): CompiledFilter {
  const tree = parseCql2Text(text);
  const c = new Compiler(new Map(fields.map((f) => [f.name, f])));
  const sql = c.compile(tree);
  return { sql, values: c.values, key: `${sql}\u0000${JSON.stringify(c.values)}` };
}
