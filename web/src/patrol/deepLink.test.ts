import { describe, expect, it } from 'vitest';
import { parseViewHash } from '../url/viewHash';
import { inspectionLink } from './deepLink';

describe('inspection link', () => {
  it('opens the console on the stop with it selected, which the console reads back', () => {
    const url = inspectionLink('http://10.1.2.3:8080/', { kind: 'venue', id: 42, lon: 112.57123, lat: 26.89456 }, 'zh-CN');
    expect(url.startsWith('http://10.1.2.3:8080/#')).toBe(true);
    const view = parseViewHash(new URL(url).hash, { center: [0, 0], zoom: 1, layers: null, opacity: {}, filters: {}, selection: null, lang: 'en' });
    expect(view.selection).toEqual({ layer: 'venues', id: '42' });
    expect(view.center[0]).toBeCloseTo(112.57123, 5);
    expect(view.center[1]).toBeCloseTo(26.89456, 5);
    expect(view.zoom).toBe(17);
    expect(view.lang).toBe('zh-CN');
  });
});
