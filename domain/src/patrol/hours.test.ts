import { describe, expect, it } from 'vitest';
import { formatOpeningHours, parseOpeningHours, weekdayOf, windowsOn } from './hours';

const ok = (text: string) => {
  const r = parseOpeningHours(text);
  if (!r.ok) throw new Error(`${text}: ${r.error} at ${r.at}`);
  return r;
};

describe('opening hours', () => {
  it('reads the OSM weekly notation and says it back canonically', () => {
    const r = ok('Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00; Su off');
    expect(r.hours[0]).toEqual([[480, 720], [840, 1080]]);
    expect(r.hours[5]).toEqual([[540, 720]]);
    expect(r.hours[6]).toEqual([]);
    expect(r.canonical).toBe('Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00; Su off');
  });

  it('reads the Chinese spellings offices use, to the same hours', () => {
    const zh = ok('周一至周五 8:00-12:00，14:00-18:00；周六 9:00-12:00；周日休息');
    expect(zh.canonical).toBe('Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00; Su off');
    expect(ok('每天 14:00-22:00').canonical).toBe('Mo-Su 14:00-22:00');
    expect(ok('全天').canonical).toBe('24/7');
    expect(ok('24/7').hours.every((d) => d.length === 1 && d[0]![0] === 0 && d[0]![1] === 1440)).toBe(true);
    expect(ok('工作日 09:00-17:00；周六、周日 休息').canonical).toBe('Mo-Fr 09:00-17:00; Sa-Su off');
  });

  it('puts the hours after midnight on the next morning (a KTV open 20:00-02:00)', () => {
    const r = ok('Mo-Su 20:00-02:00');
    expect(r.hours[1]).toEqual([[0, 120], [1200, 1440]]);
    expect(r.canonical).toBe('Mo-Su 20:00-02:00');
    expect(ok('Mo-Sa 14:00-02:00; Su off').canonical).toBe('Mo-Fr 14:00-02:00; Sa 14:00-24:00; Su off');
    expect(ok('Fr-Sa 20:00-02:00').hours[6]).toEqual([[0, 120]]);
  });

  it('lets a later rule replace the days it names', () => {
    const r = ok('Mo-Su 09:00-17:00; Su off');
    expect(r.hours[6]).toEqual([]);
    expect(r.hours[5]).toEqual([[540, 1020]]);
  });

  it('round-trips: parsing the canonical text gives the same hours', () => {
    for (const t of ['Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00; Su off', 'Mo,We,Fr 10:00-16:00', '13:00-18:00', 'Mo-Su 20:00-02:00']) {
      const r = ok(t);
      expect(ok(r.canonical).hours).toEqual(r.hours);
      expect(formatOpeningHours(ok(r.canonical).hours)).toBe(r.canonical);
    }
  });

  it('refuses what it cannot read, saying where', () => {
    expect(parseOpeningHours('Mo-Fr 8-18')).toMatchObject({ ok: false, error: 'bad_time' });
    expect(parseOpeningHours('Mo-Fr 25:00-26:00')).toMatchObject({ ok: false, error: 'bad_time' });
    expect(parseOpeningHours('Xx 08:00-12:00')).toMatchObject({ ok: false });
    expect(parseOpeningHours('open sometimes')).toMatchObject({ ok: false });
    expect(parseOpeningHours('  ')).toMatchObject({ ok: false, error: 'empty' });
    expect(parseOpeningHours('Mo 08:00-09:00;'.repeat(30))).toMatchObject({ ok: false, error: 'too_long' });
  });

  it('gives a date its weekday windows; unknown hours are no constraint', () => {
    expect(weekdayOf('2026-11-02')).toBe(0); // a Monday
    expect(weekdayOf('2026-11-01')).toBe(6); // a Sunday
    const r = ok('Mo-Fr 08:00-18:00; Sa,Su off');
    expect(windowsOn(r.hours, '2026-11-01')).toEqual([]);
    expect(windowsOn(r.hours, '2026-11-02')).toEqual([[480, 1080]]);
    expect(windowsOn(null, '2026-11-01')).toEqual([[0, 1440]]);
  });
});
