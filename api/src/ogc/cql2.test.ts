import { describe, expect, it } from 'vitest';
import type { LayerField } from '../layers/types.js';
import { Cql2Error, parseCql2Text } from './cql2-parse.js';
import { compileCql2 } from './cql2-sql.js';

const t = { zh: '', en: '' };
const FIELDS: LayerField[] = [
  { name: 'name', sql: 't.name', type: 'string', title: t },
  { name: 'kind', sql: 't.kind', type: 'string', title: t },
  { name: 'population', sql: 't.population', type: 'number', title: t },
  { name: 'on_border', sql: 't.on_border', type: 'boolean', title: t },
  { name: 'licence_expiry', sql: 't.licence_expiry', type: 'date', title: t },
  { name: 'listing_class', sql: "CASE WHEN x < $asOf::date THEN 'a' END", type: 'string', title: t },
];

const errorOf = (fn: () => unknown): Cql2Error => {
  try {
    fn();
  } catch (e) {
    if (e instanceof Cql2Error) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('CQL2 text parser', () => {
  it('parses comparisons with AND binding tighter than OR, NOT, and parentheses', () => {
    expect(parseCql2Text("kind = 'ktv' OR population > 10 AND NOT on_border = true")).toEqual({
      kind: 'or',
      args: [
        { kind: 'compare', op: '=', left: { kind: 'property', name: 'kind' }, right: { kind: 'literal', type: 'string', value: 'ktv' } },
        {
          kind: 'and',
          args: [
            { kind: 'compare', op: '>', left: { kind: 'property', name: 'population' }, right: { kind: 'literal', type: 'number', value: 10 } },
            { kind: 'not', arg: { kind: 'compare', op: '=', left: { kind: 'property', name: 'on_border' }, right: { kind: 'literal', type: 'boolean', value: true } } },
          ],
        },
      ],
    });
    const grouped = parseCql2Text("(kind = 'a' OR kind = 'b') AND population >= 1");
    expect(grouped.kind).toBe('and');
  });

  it('reads every comparison operator, keywords in any case, quoted names and escaped quotes', () => {
    for (const op of ['=', '<>', '<', '>', '<=', '>=']) expect(parseCql2Text(`population ${op} -1.5e2`)).toMatchObject({ kind: 'compare', op, right: { value: -150 } });
    expect(parseCql2Text(`"name" like 'O''Brien%'`)).toEqual({ kind: 'like', arg: { kind: 'property', name: 'name' }, pattern: { kind: 'literal', type: 'string', value: "O'Brien%" }, negated: false });
    expect(parseCql2Text('kind not in (\'a\', \'b\')')).toMatchObject({ kind: 'in', negated: true, list: [{ value: 'a' }, { value: 'b' }] });
    expect(parseCql2Text('population NOT BETWEEN 1 AND 5')).toMatchObject({ kind: 'between', negated: true, low: { value: 1 }, high: { value: 5 } });
    expect(parseCql2Text('kind IS NOT NULL')).toMatchObject({ kind: 'isNull', negated: true });
    expect(parseCql2Text("licence_expiry < DATE('2027-01-31')")).toMatchObject({ right: { type: 'date', value: '2027-01-31' } });
    expect(parseCql2Text("licence_expiry < TIMESTAMP('2027-01-31T08:00:00Z')")).toMatchObject({ right: { type: 'timestamp' } });
    expect(parseCql2Text('TRUE')).toEqual({ kind: 'bool', value: true });
    // Non-ASCII property names must be double-quoted.
    expect(parseCql2Text('"名称" = 1')).toMatchObject({ left: { kind: 'property', name: '名称' } });
  });

  it('refuses malformed expressions, saying where', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ["name = 'open", /unterminated text/],
      ['name =', /ends too early/],
      ['name', /expected a comparison/],
      ['name = 1 2', /unexpected text after the end/],
      ['(name = 1', /expected '\)'/],
      ["name IN ('a',", /ends too early/],
      ["S_INTERSECTS(geom, POINT(1 2))", /not supported/],
      ["upper(name) = 'A'", /not supported/],
      ["licence_expiry = DATE('2025-02-30')", /not a date/],
      ['name ~ 1', /unexpected character '~'/],
      ['population BETWEEN 1 5', /expected AND/],
      ['AND = 1', /found AND/],
    ];
    for (const [src, msg] of cases) expect(errorOf(() => parseCql2Text(src)).message, src).toMatch(msg);
    expect(errorOf(() => parseCql2Text('name = 1 2')).position).toBe(9);
  });

  it('bounds length, nesting and the size of IN lists', () => {
    expect(errorOf(() => parseCql2Text('x'.repeat(4001))).message).toMatch(/longer than/);
    expect(errorOf(() => parseCql2Text('('.repeat(40) + 'a = 1' + ')'.repeat(40))).message).toMatch(/nested deeper/);
    expect(errorOf(() => parseCql2Text(`a IN (${Array.from({ length: 1001 }, (_, i) => i).join(',')})`)).message).toMatch(/more than 1000 values/);
  });
});

describe('CQL2 → SQL', () => {
  it('puts every value in a parameter and every property through its field expression', () => {
    const f = compileCql2("name = 'x'' OR 1=1 --' AND population > 3", FIELDS);
    expect(f.sql).toBe('(((t.name)::text = $f0::text) AND ((t.population)::double precision > $f1::double precision))');
    expect(f.values).toEqual({ f0: "x' OR 1=1 --", f1: 3 });
    expect(f.sql).not.toContain('OR 1=1');
  });

  it('compiles IN, LIKE, BETWEEN, IS NULL, NOT and dates', () => {
    expect(compileCql2("kind IN ('ktv', 'bar')", FIELDS).sql).toBe('((t.kind)::text IN ($f0::text, $f1::text))');
    expect(compileCql2("NOT name LIKE '%镇'", FIELDS).sql).toBe('(NOT ((t.name)::text LIKE $f0::text))');
    expect(compileCql2('population BETWEEN 10 AND 20', FIELDS).values).toEqual({ f0: 10, f1: 20 });
    expect(compileCql2('kind IS NULL', FIELDS).sql).toBe('((t.kind)::text IS NULL)');
    const d = compileCql2("licence_expiry >= TIMESTAMP('2027-01-31T23:00:00Z')", FIELDS);
    expect(d.sql).toBe('((t.licence_expiry)::date >= $f0::date)');
    expect(d.values).toEqual({ f0: '2027-01-31' });
    // A field that reads the as-of date keeps its named parameter for the caller to bind.
    expect(compileCql2("listing_class = 'a'", FIELDS).sql).toContain('$asOf::date');
  });

  it('refuses unknown properties and mismatched types with a message for the user', () => {
    expect(errorOf(() => compileCql2('nope = 1', FIELDS)).message).toMatch(/unknown property 'nope'; the queryables are name, kind/);
    expect(errorOf(() => compileCql2("population = 'many'", FIELDS)).message).toMatch(/is a string, compared with a number/);
    expect(errorOf(() => compileCql2('population LIKE 1', FIELDS)).message).toMatch(/LIKE compares text only/);
    expect(errorOf(() => compileCql2('on_border > true', FIELDS)).message).toMatch(/booleans compare only/);
    expect(errorOf(() => compileCql2("licence_expiry = '2027-01-01'", FIELDS)).message).toMatch(/is a string, compared with a date/);
    expect(errorOf(() => compileCql2("name BETWEEN 'a' AND 'b'", FIELDS)).message).toMatch(/BETWEEN needs numbers or dates/);
  });

  it('gives equal filters equal keys and different values different keys', () => {
    expect(compileCql2("kind = 'a'", FIELDS).key).toBe(compileCql2("KIND = 'a'".replace('KIND', 'kind'), FIELDS).key);
    expect(compileCql2("kind = 'a'", FIELDS).key).not.toBe(compileCql2("kind = 'b'", FIELDS).key);
  });
});
