import { describe, expect, it } from 'vitest';
import { layerStatesFor, parseViews, VIEW_IDS, viewAt } from './views';

describe('rotation', () => {
  it('walks through the four views and wraps around', () => {
    const ids = [0, 2999, 3000, 6500, 9000, 12000, 15000].map((ms) => viewAt(ms, 3).id);
    expect(ids).toEqual(['listing', 'listing', 'signals', 'checkpoints', 'shift', 'listing', 'signals']);
  });
  it('names the next view and the time left', () => {
    expect(viewAt(7000, 3)).toMatchObject({ id: 'checkpoints', next: 'shift', remainingMs: 2000 });
    expect(viewAt(10000, 3)).toMatchObject({ id: 'shift', next: 'listing', remainingMs: 2000 });
  });
});

describe('chosen views', () => {
  it('rotates only through the views named in the hash, in their order; nothing valid means all', () => {
    expect(parseViews('shift')).toEqual(['shift']);
    expect(parseViews('shift,listing,bogus,shift')).toEqual(['shift', 'listing']);
    expect(parseViews('') ).toEqual([...VIEW_IDS]);
    expect(parseViews(null)).toEqual([...VIEW_IDS]);
    expect([0, 3000, 6000].map((ms) => viewAt(ms, 3, ['shift']).id)).toEqual(['shift', 'shift', 'shift']);
    expect(viewAt(3000, 3, ['shift', 'listing'])).toMatchObject({ id: 'listing', next: 'shift' });
  });
});

describe('layer states', () => {
  it('keeps every wall layer drawn in every view (no tile fetch on rotation), only opacity changes', () => {
    const available = new Set(['counties', 'townships', 'checkpoints', 'firms']);
    for (const v of VIEW_IDS) {
      const s = layerStatesFor(v, available);
      expect(s.counties.visible && s.townships.visible && s.checkpoints.visible).toBe(true);
      expect(s.firms.visible).toBe(false);
    }
    expect(layerStatesFor('checkpoints', available).checkpoints.opacity).toBe(1);
    expect(layerStatesFor('checkpoints', available).counties.opacity).toBeLessThan(layerStatesFor('listing', available).counties.opacity);
  });
});
