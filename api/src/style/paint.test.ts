/**
 * The legend shows exactly what the map paints, layer by layer: the values and colours of every colour class in the
 * style's expressions equal the legend's classes, the fallback colour equals the legend's fallback, each outline
 * overlay is one flagged style layer with the legend's colour; and the same for every mode (theme).
 */
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../layers/registry.js';
import { colorExpression, legendOf, styleLayersOf, themeLegendOf, themeOverlayPaintOf, themePaintOf, type LegendEntry } from './paint.js';

/** [value, colour] pairs and the fallback of a colour expression as colorExpression builds it (match or case). */
function classesOfExpression(expr: unknown): { classes: [unknown, string][]; fallback: string } {
  if (typeof expr === 'string') return { classes: [], fallback: expr };
  const e = expr as unknown[];
  // Point layers wrap the class colours in ['case', ['has', 'point_count'], cluster colour, <classes>].
  if (e[0] === 'case' && JSON.stringify(e[1]) === '["has","point_count"]') return classesOfExpression(e[3]);
  const pairs: [unknown, string][] = [];
  if (e[0] === 'match') {
    for (let i = 2; i < e.length - 1; i += 2) pairs.push([e[i], e[i + 1] as string]);
  } else if (e[0] === 'case') {
    for (let i = 1; i < e.length - 1; i += 2) pairs.push([(e[i] as unknown[])[2], e[i + 1] as string]);
  } else throw new Error(`not a colour expression: ${JSON.stringify(expr)}`);
  return { classes: pairs, fallback: e[e.length - 1] as string };
}

const legendClasses = (legend: LegendEntry[]) => legend.filter((e) => e.kind === 'class').map((e) => [e.value, e.color]);
const legendFallback = (legend: LegendEntry[]) => legend.find((e) => e.kind === 'fallback')?.color;

describe.each(LAYERS.map((def) => [def.id, def] as const))('layer %s', (_id, def) => {
  const style = styleLayersOf(def);
  const legend = legendOf(def);
  const colourProp = { fill: 'fill-color', line: 'line-color', circle: 'circle-color' }[def.paint.kind];
  const main = style.find((l) => l.type === def.paint.kind && !(l.metadata as Record<string, unknown>)['gc:flag'] && l.id !== `${def.id}-outline`)!;

  it('paints exactly the colour classes its legend lists, in their colours', () => {
    const painted = classesOfExpression((main.paint as Record<string, unknown>)[colourProp]);
    expect(painted.classes).toEqual(legendClasses(legend));
    expect(painted.fallback).toBe(legendFallback(legend));
  });

  it('draws one flagged outline layer per outline in its legend, and no other', () => {
    const meta = (l: Record<string, unknown>) => l.metadata as Record<string, unknown>;
    const flagged = style.filter((l) => meta(l)['gc:flag'] && !meta(l)['gc:theme']);
    const overlays = legend.filter((e) => e.kind === 'overlay');
    expect(flagged.map((l) => [(l.filter as unknown[])[1], (l.paint as Record<string, unknown>)['line-color'], (l.paint as Record<string, unknown>)['line-dasharray']])).toEqual(
      overlays.map((e) => [['get', e.property], e.color, e.dash]),
    );
  });

  it('draws each mode’s outlines as flagged layers hidden until the mode shows them, one per outline in its legend', () => {
    const meta = (l: Record<string, unknown>) => l.metadata as Record<string, unknown>;
    for (const theme of def.themes ?? []) {
      const layers = style.filter((l) => meta(l)['gc:theme'] === theme.id);
      const overlays = themeLegendOf(theme).filter((e) => e.kind === 'overlay');
      expect(layers.map((l) => [(l.filter as unknown[])[1], (l.paint as Record<string, unknown>)['line-color'], (l.paint as Record<string, unknown>)['line-dasharray']])).toEqual(
        overlays.map((e) => [['get', e.property], e.color, e.dash]),
      );
      expect(layers.every((l) => (l.paint as Record<string, unknown>)['line-opacity'] === 0)).toBe(true);
      expect(Object.keys(themeOverlayPaintOf(def, theme)).sort()).toEqual(layers.map((l) => l.id).sort());
    }
  });

  it('paints every mode with exactly the classes of that mode’s legend', () => {
    for (const theme of def.themes ?? []) {
      const paint = themePaintOf(theme);
      const themeLegend = themeLegendOf(theme);
      if (!theme.color) {
        expect(paint['fill-color'], theme.id).toBeUndefined();
        expect(themeLegend, theme.id).toEqual([]);
        continue;
      }
      const painted = classesOfExpression(paint['fill-color']);
      expect(painted.classes, theme.id).toEqual(legendClasses(themeLegend));
      if (def.id === 'townships') expect(painted.classes.map(([v]) => v)).toContain('below_detection');
      expect(painted.fallback, theme.id).toBe(legendFallback(themeLegend));
    }
  });

  it('keeps its class colours on the dark scheme (only neutral parts change)', () => {
    const dark = styleLayersOf(def, 'dark').find((l) => l.id === main.id)!;
    const painted = classesOfExpression((dark.paint as Record<string, unknown>)[colourProp]);
    expect(painted.classes).toEqual(legendClasses(legend));
  });
});

describe('colour expressions', () => {
  const label = { zh: '是', en: 'yes' };
  it('keep classes on booleans and null, which a MapLibre match cannot take', () => {
    const expr = colorExpression({ property: 'p', classes: [{ value: true, color: '#111111', label }, { value: null, color: '#222222', label }], fallback: { color: '#333333', label } });
    expect(expr).toEqual(['case', ['==', ['get', 'p'], true], '#111111', ['==', ['get', 'p'], null], '#222222', '#333333']);
  });
  it('use the dark variant of the fallback on the dark scheme', () => {
    const rule = { property: 'p', classes: [{ value: 'a', color: '#111111', label }], fallback: { color: '#FFFFFF', dark: '#1c242d', label } };
    expect(colorExpression(rule, 'dark')).toEqual(['match', ['get', 'p'], 'a', '#111111', '#1c242d']);
  });
});
