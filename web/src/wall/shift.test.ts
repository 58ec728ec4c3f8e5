import { describe, expect, it } from 'vitest';
import { changesUrl, DEFAULT_PREFS, parsePrefs, savePrefs, shiftWindow } from './shift';

describe('wall prefs', () => {
  it('reads what was saved and falls back on anything else', () => {
    let stored = '';
    savePrefs({ visitor: true, shiftHours: 72 }, { setItem: (_k, v) => (stored = v) });
    expect(parsePrefs(stored)).toEqual({ visitor: true, shiftHours: 72 });
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('{not json')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('{"visitor":"yes","shiftHours":5}')).toEqual(DEFAULT_PREFS);
  });
});

describe('shift window', () => {
  it('is the last hours up to now, to the minute', () => {
    const now = Date.parse('2026-11-30T01:02:33Z');
    expect(shiftWindow(now, 24, null)).toEqual({ since: '2026-11-29T01:02:00.000Z', until: '2026-11-30T01:02:00.000Z' });
  });

  it('ends with the pinned reference day in China when the wall is pinned', () => {
    expect(shiftWindow(0, 12, '2026-11-01')).toEqual({ since: '2026-11-01T03:59:00.000Z', until: '2026-11-01T15:59:00.000Z' });
  });

  it('asks the API for visitor mode only when it is on', () => {
    const w = { since: '2026-11-01T00:00:00.000Z', until: '2026-11-01T12:00:00.000Z' };
    expect(changesUrl(w, false)).not.toContain('visitor');
    expect(new URL(changesUrl(w, true), 'http://x').searchParams.get('visitor')).toBe('1');
  });
});
