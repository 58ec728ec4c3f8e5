/**
 * CQL2 text (OGC 21-065) for attribute filters: a small recursive-descent parser for the Basic CQL2 and
 * Advanced Comparison Operators classes —
 *   comparisons = <> < > <= >=, AND / OR / NOT, parentheses, IS [NOT] NULL, [NOT] LIKE, [NOT] BETWEEN, [NOT] IN,
 *   literals: 'text' ('' escapes a quote), numbers, TRUE / FALSE, DATE('YYYY-MM-DD'), TIMESTAMP('…Z');
 *   property names bare (name, listing_class) or double-quoted ("name").
 * Spatial and temporal operators, functions and arithmetic are not supported and are refused by name.
 * It builds a tree only; cql2-sql.ts checks names against a layer's fields and turns values into parameters.
 * No npm parser was a fit: the ones available parse GeoServer's ECQL/CQL 1 into styling filters.
 */

export type Literal = { kind: 'literal'; type: 'string' | 'number' | 'boolean' | 'date' | 'timestamp'; value: string | number | boolean };
export type Property = { kind: 'property'; name: string };
export type Scalar = Literal | Property;

export type Expr =
  | { kind: 'and' | 'or'; args: Expr[] }
  | { kind: 'not'; arg: Expr }
  | { kind: 'bool'; value: boolean }
  | { kind: 'compare'; op: '=' | '<>' | '<' | '>' | '<=' | '>='; left: Scalar; right: Scalar }
  | { kind: 'like'; arg: Scalar; pattern: Scalar; negated: boolean }
  | { kind: 'between'; arg: Scalar; low: Scalar; high: Scalar; negated: boolean }
  | { kind: 'in'; arg: Scalar; list: Scalar[]; negated: boolean }
  | { kind: 'isNull'; arg: Scalar; negated: boolean };

export class Cql2Error extends Error {
  constructor(
    message: string,
    readonly position: number | null = null,
  ) {
    super(position === null ? message : `${message} (at character ${position + 1})`);
  }
}

export const CQL2_LIMITS = { length: 4000, depth: 32, listItems: 1000, nodes: 2000 };

type Token =
  | { t: 'word'; v: string; pos: number }
  | { t: 'quoted'; v: string; pos: number }
  | { t: 'string'; v: string; pos: number }
  | { t: 'number'; v: number; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'end'; pos: number };

const UNSUPPORTED = new Set(['S_INTERSECTS', 'S_EQUALS', 'S_DISJOINT', 'S_TOUCHES', 'S_WITHIN', 'S_OVERLAPS', 'S_CROSSES', 'S_CONTAINS',
  'T_AFTER', 'T_BEFORE', 'T_CONTAINS', 'T_DISJOINT', 'T_DURING', 'T_EQUALS', 'T_FINISHEDBY', 'T_FINISHES', 'T_INTERSECTS', 'T_MEETS',
  'T_METBY', 'T_OVERLAPPEDBY', 'T_OVERLAPS', 'T_STARTEDBY', 'T_STARTS', 'A_EQUALS', 'A_CONTAINS', 'A_CONTAINEDBY', 'A_OVERLAPS',
  'CASEI', 'ACCENTI', 'POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON', 'GEOMETRYCOLLECTION', 'BBOX', 'INTERVAL']);
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'LIKE', 'BETWEEN', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE', 'DATE', 'TIMESTAMP']);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Cql2Error('unterminated text literal', start);
        if (src[i] === "'") {
          if (src[i + 1] === "'") (v += "'"), (i += 2);
          else break;
        } else v += src[i++];
      }
      i++;
      out.push({ t: 'string', v, pos: start });
    } else if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      if (end < 0) throw new Cql2Error('unterminated quoted property name', start);
      out.push({ t: 'quoted', v: src.slice(i + 1, end), pos: start });
      i = end + 1;
    } else if (/[0-9]/.test(ch) || ((ch === '-' || ch === '+' || ch === '.') && /[0-9.]/.test(src[i + 1] ?? ''))) {
      const m = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw new Cql2Error('malformed number', start);
      out.push({ t: 'number', v: Number(m[0]), pos: start });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.:]*/.exec(src.slice(i))!;
      out.push({ t: 'word', v: m[0], pos: start });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      if (two === '<>' || two === '<=' || two === '>=') (out.push({ t: 'op', v: two, pos: start }), (i += 2));
      else if ('=<>(),'.includes(ch)) (out.push({ t: 'op', v: ch, pos: start }), i++);
      else throw new Cql2Error(`unexpected character '${ch}'`, start);
    }
  }
  out.push({ t: 'end', pos: src.length });
  return out;
}

class Parser {
  private i = 0;
  private nodes = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private isWord(w: string, tok = this.peek()): boolean {
    return tok.t === 'word' && tok.v.toUpperCase() === w;
  }
  private acceptWord(w: string): boolean {
    if (!this.isWord(w)) return false;
    this.i++;
    return true;
  }
  private expectWord(w: string) {
    if (!this.acceptWord(w)) throw new Cql2Error(`expected ${w}`, this.peek().pos);
  }
  private acceptOp(op: string): boolean {
    const tok = this.peek();
    if (tok.t === 'op' && tok.v === op) return void this.i++, true;
    return false;
  }
  private expectOp(op: string) {
    if (!this.acceptOp(op)) throw new Cql2Error(`expected '${op}'`, this.peek().pos);
  }
  private count(pos: number) {
    if (++this.nodes > CQL2_LIMITS.nodes) throw new Cql2Error(`more than ${CQL2_LIMITS.nodes} terms`, pos);
  }

  parse(): Expr {
    const e = this.orExpr(0);
    const tok = this.peek();
    if (tok.t !== 'end') throw new Cql2Error('unexpected text after the end of the expression', tok.pos);
    return e;
  }

  private orExpr(depth: number): Expr {
    if (depth > CQL2_LIMITS.depth) throw new Cql2Error(`nested deeper than ${CQL2_LIMITS.depth}`, this.peek().pos);
    const args = [this.andExpr(depth)];
    while (this.acceptWord('OR')) args.push(this.andExpr(depth));
    return args.length === 1 ? args[0]! : { kind: 'or', args };
  }

  private andExpr(depth: number): Expr {
    const args = [this.notExpr(depth)];
    while (this.acceptWord('AND')) args.push(this.notExpr(depth));
    return args.length === 1 ? args[0]! : { kind: 'and', args };
  }

  private notExpr(depth: number): Expr {
    this.count(this.peek().pos);
    if (this.acceptWord('NOT')) return { kind: 'not', arg: this.notExpr(depth + 1) };
    return this.primary(depth);
  }

  private primary(depth: number): Expr {
    const tok = this.peek();
    if (tok.t === 'op' && tok.v === '(') {
      // A parenthesised boolean expression; scalars are never parenthesised here.
      this.i++;
      const e = this.orExpr(depth + 1);
      this.expectOp(')');
      return e;
    }
    const left = this.scalar();
    // A lone TRUE/FALSE is a boolean expression of its own.
    if (left.kind === 'literal' && left.type === 'boolean' && !this.startsPredicate()) return { kind: 'bool', value: left.value as boolean };
    return this.predicate(left);
  }

  private startsPredicate(): boolean {
    const tok = this.peek();
    if (tok.t === 'op') return ['=', '<>', '<', '>', '<=', '>='].includes(tok.v);
    return ['LIKE', 'BETWEEN', 'IN', 'IS', 'NOT'].some((w) => this.isWord(w, tok));
  }

  private predicate(left: Scalar): Expr {
    const tok = this.peek();
    if (tok.t === 'op' && ['=', '<>', '<', '>', '<=', '>='].includes(tok.v)) {
      this.i++;
      return { kind: 'compare', op: tok.v as '=', left, right: this.scalar() };
    }
    if (this.acceptWord('IS')) {
      const negated = this.acceptWord('NOT');
      this.expectWord('NULL');
      return { kind: 'isNull', arg: left, negated };
    }
    const negated = this.acceptWord('NOT');
    if (this.acceptWord('LIKE')) return { kind: 'like', arg: left, pattern: this.scalar(), negated };
    if (this.acceptWord('BETWEEN')) {
      const low = this.scalar();
      this.expectWord('AND');
      return { kind: 'between', arg: left, low, high: this.scalar(), negated };
    }
    if (this.acceptWord('IN')) {
      this.expectOp('(');
      const list = [this.scalar()];
      while (this.acceptOp(',')) {
        if (list.length >= CQL2_LIMITS.listItems) throw new Cql2Error(`more than ${CQL2_LIMITS.listItems} values in IN`, this.peek().pos);
        list.push(this.scalar());
      }
      this.expectOp(')');
      return { kind: 'in', arg: left, list, negated };
    }
    throw new Cql2Error('expected a comparison, LIKE, BETWEEN, IN or IS NULL', this.peek().pos);
  }

  private scalar(): Scalar {
    const tok = this.next();
    this.count(tok.pos);
    switch (tok.t) {
      case 'string':
        return { kind: 'literal', type: 'string', value: tok.v };
      case 'number':
        return { kind: 'literal', type: 'number', value: tok.v };
      case 'quoted':
        return { kind: 'property', name: tok.v };
      case 'word': {
        const up = tok.v.toUpperCase();
        if (up === 'TRUE' || up === 'FALSE') return { kind: 'literal', type: 'boolean', value: up === 'TRUE' };
        if (up === 'DATE' || up === 'TIMESTAMP') {
          this.expectOp('(');
          const s = this.next();
          if (s.t !== 'string') throw new Cql2Error(`${up} needs a quoted value`, s.pos);
          this.expectOp(')');
          return { kind: 'literal', type: up === 'DATE' ? 'date' : 'timestamp', value: instant(up, s.v, s.pos) };
        }
        if (UNSUPPORTED.has(up) || (this.peek().t === 'op' && (this.peek() as { v: string }).v === '(')) {
          throw new Cql2Error(`'${tok.v}' is not supported: only comparisons, LIKE, BETWEEN, IN and IS NULL on properties`, tok.pos);
        }
        if (KEYWORDS.has(up)) throw new Cql2Error(`expected a property name or a value, found ${up}`, tok.pos);
        return { kind: 'property', name: tok.v };
      }
      case 'op':
        throw new Cql2Error(`expected a property name or a value, found '${tok.v}'`, tok.pos);
      case 'end':
        throw new Cql2Error('the expression ends too early', tok.pos);
    }
  }
}

function instant(kind: 'DATE' | 'TIMESTAMP', s: string, pos: number): string {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  const ts = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
  const ok = kind === 'DATE' ? date.test(s) : ts.test(s);
  const d = new Date(kind === 'DATE' ? `${s}T00:00:00Z` : s);
  if (!ok || Number.isNaN(d.getTime()) || (kind === 'DATE' && d.toISOString().slice(0, 10) !== s)) {
    throw new Cql2Error(kind === 'DATE' ? `'${s}' is not a date YYYY-MM-DD` : `'${s}' is not a UTC timestamp YYYY-MM-DDTHH:MM:SSZ`, pos);
  }
  return s;
}

export function parseCql2Text(src: string): Expr {
  if (src.length > CQL2_LIMITS.length) throw new Cql2Error(`longer than ${CQL2_LIMITS.length} characters`, CQL2_LIMITS.length);
  if (!src.trim()) throw new Cql2Error('the filter is empty', 0);
  return new Parser(tokenize(src)).parse();
}
