/**
 * "What would change the colour" of a drug-signal trend, as structured conditions: the page words them from its
 * message catalogue (zh-CN, English); the thresholds are the ones the classification uses.
 */
import { MAX_CENSORED_SHARE } from './summary.js';
import { ALPHA_LIKELY, ALPHA_SIGNIFICANT, MIN_SAMPLES, type TrendCategory } from './trend.js';

export type TrendChange =
  /** Too few weekly values: this many more weeks of results would allow a trend. */
  | { code: 'more_weeks'; weeks: number }
  /** Below detection: this many of the window's censored weeks (and of the recent ones) would have to be measured. */
  | { code: 'more_detections'; weeks: number; recentWeeks: number }
  /** p (now `p`) falling under `threshold` would make it `to`. */
  | { code: 'p_below'; threshold: number; p: number; to: TrendCategory[] }
  /** p rising over `threshold` would make it `to`. */
  | { code: 'p_above'; threshold: number; p: number; to: TrendCategory }
  /** Plants joining or leaving the sampling do not change it (each plant is tested on its own weeks). */
  | { code: 'panel_no_effect' };

export interface DetectionCounts {
  n: number;
  nCensored: number;
  recentN: number;
  recentCensored: number;
}

/** Weeks that would have to be measured for a series to leave "below detection". */
export function detectionsNeeded(c: DetectionCounts): { weeks: number; recentWeeks: number } {
  return {
    weeks: Math.max(0, c.nCensored - Math.floor(c.n * MAX_CENSORED_SHARE)),
    recentWeeks: Math.max(0, c.recentCensored - Math.floor(c.recentN / 2)),
  };
}

export function trendChanges(category: TrendCategory, p: number, n: number, detections: DetectionCounts | null): TrendChange[] {
  switch (category) {
    case 'insufficient':
      return [{ code: 'more_weeks', weeks: Math.max(1, MIN_SAMPLES - n) }];
    case 'below_detection':
      return [{ code: 'more_detections', ...(detections ? detectionsNeeded(detections) : { weeks: 1, recentWeeks: 0 }) }];
    case 'flat':
      return [{ code: 'p_below', threshold: ALPHA_LIKELY, p, to: ['rising', 'falling'] }, { code: 'panel_no_effect' }];
    case 'rising':
    case 'falling':
      return [
        { code: 'p_below', threshold: ALPHA_SIGNIFICANT, p, to: [category === 'rising' ? 'rising_significant' : 'falling_significant'] },
        { code: 'p_above', threshold: ALPHA_LIKELY, p, to: 'flat' },
        { code: 'panel_no_effect' },
      ];
    case 'rising_significant':
    case 'falling_significant':
      return [{ code: 'p_above', threshold: ALPHA_SIGNIFICANT, p, to: category === 'rising_significant' ? 'rising' : 'falling' }, { code: 'panel_no_effect' }];
  }
}
