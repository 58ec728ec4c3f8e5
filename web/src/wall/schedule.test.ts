import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, INITIAL_CONNECTION, onFailure, onSuccess, parseWallHash, retryDelayMs } from './schedule';

describe('wall settings from the hash', () => {
  it('reads view=wall and the intervals', () => {
    expect(parseWallHash('#view=wall&rotate=3&refresh=5&tiles=20')).toEqual({
      requested: true, rotateSeconds: 3, refreshSeconds: 5, tileReloadSeconds: 20, views: ['listing', 'signals', 'checkpoints', 'shift'],
    });
    expect(parseWallHash('#views=shift').views).toEqual(['shift']);
  });
  it('falls back to the defaults on missing, garbled or absurd values', () => {
    const s = parseWallHash('#map=8/27/112&rotate=abc&refresh=0&tiles=-5');
    expect(s.requested).toBe(false);
    expect(s.rotateSeconds).toBe(DEFAULT_SETTINGS.rotateSeconds);
    expect(s.refreshSeconds).toBe(DEFAULT_SETTINGS.refreshSeconds);
    expect(s.tileReloadSeconds).toBe(DEFAULT_SETTINGS.tileReloadSeconds);
  });
});

describe('retry delay', () => {
  const mid = () => 0.5; // no jitter
  it('doubles from 2 s and never exceeds the refresh interval', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((f) => retryDelayMs(f, 60, mid))).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    expect(retryDelayMs(3, 5, mid)).toBe(5000);
  });
  it('jitters by at most ±20 %', () => {
    expect(retryDelayMs(2, 60, () => 0)).toBe(3200);
    expect(retryDelayMs(2, 60, () => 1)).toBe(4800);
  });
});

describe('connection state', () => {
  it('remembers when it was lost and when the data on screen is from', () => {
    let s = onSuccess(INITIAL_CONNECTION, 1000);
    s = onFailure(s, 2000);
    s = onFailure(s, 5000);
    expect(s).toEqual({ lastOkAt: 1000, lostSince: 2000, failures: 2 });
    expect(onSuccess(s, 9000)).toEqual({ lastOkAt: 9000, lostSince: null, failures: 0 });
  });
});
