/**
 * The evidence in words (pure, tested): each sentence is a message of the catalogue with the evidence's numbers,
 * so zh-CN and English say the same thing. Numbers are rounded for reading; the API keeps them whole.
 */
import type { Evidence, ListingEvidence, SignalEvidence } from './api';

export type T = (key: string, opts?: Record<string, unknown>) => string;

const pct = (x: number) => Math.round(x * 100);
const num = (x: number | null | undefined, digits = 2) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : Number(x.toPrecision(digits + 1)).toString());
/** "= 0.012" or "< 0.001", for "p {{p}}" in the messages. */
const pValue = (p: number) => (p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);

/** Why the drug-signal colour: the headline, the test, censoring, coverage, plants, panel, enforcement, changes. */
export function signalWords(e: SignalEvidence, t: T): { headline: string; facts: string[]; plants: string[]; panel: string[]; enforcement: string[]; changes: string[] } {
  const trend = e.trend;
  if (!trend || !e.window) return { headline: t('signal.none'), facts: [], plants: [], panel: [], enforcement: [], changes: [] };
  const cat = t(`trend.${trend.category}`);
  const used = e.plants.filter((p) => p.role === 'used').length;
  const facts: string[] = [];
  if (trend.category === 'below_detection') facts.push(t('signal.belowDetection', { share: pct(trend.belowDetectionPeople), max: pct(e.thresholds.maxBelowDetectionPeople), cens: pct(e.thresholds.maxCensoredShare), recent: e.thresholds.recentWeeks }));
  else if (trend.category === 'insufficient') facts.push(t('signal.insufficient', { min: e.thresholds.minSamples }));
  else
    facts.push(
      t(used > 1 ? 'signal.testPlants' : 'signal.test', {
        s: num(trend.s, 3), var: num(trend.varS, 3), z: num(trend.z, 2), p: pValue(trend.p), plants: used,
        alpha: e.thresholds.alphaSignificant, likely: e.thresholds.alphaLikely,
      }),
    );
  if (trend.slope !== null) facts.push(t('signal.slope', { slope: num(trend.slope, 2) }));
  if (trend.pctChange !== null) facts.push(t('signal.pctChange', { pct: trend.pctChange.toFixed(0) }));
  facts.push(t('signal.censored', { pct: pct(trend.censoredShare) }));
  facts.push(t('signal.coverage', { pct: pct(e.coverage), samples: e.plants.reduce((s, p) => s + p.samples, 0), plants: e.plants.filter((p) => p.weeks > 0).length }));
  const limits = e.plants.filter((p) => p.recensored > 0);
  for (const p of limits) facts.push(t('signal.recensored', { name: p.name, limit: num(p.limit, 2), n: p.recensored }));

  const plants = e.plants.map((p) =>
    t(`plant.${p.role}`, {
      name: p.name, trend: t(`trend.${p.trend}`), weeks: p.weeks, samples: p.samples, cens: pct(p.censoredShare),
      weight: p.weight.toFixed(2), p: pValue(p.p), people: Math.round(p.people).toLocaleString(),
    }),
  );
  const panel = e.panel.map((c) => t(`panel.${c.kind}`, { name: c.name, week: c.week }));
  const enforcement: string[] = [];
  if (e.enforcement) {
    enforcement.push(t('enforcement.trend', { trend: t(`trend.${e.enforcement.category}`), p: pValue(e.enforcement.p), weeks: e.enforcement.weeks }));
    for (const m of e.enforcement.measures) {
      enforcement.push(t(`enforcement.${m.measure}`, { first: num(m.firstHalf, 2), second: num(m.secondHalf, 2), trend: t(`trend.${m.category}`) }));
    }
    if (!e.enforcement.measures.length) enforcement.push(t('enforcement.none'));
  }
  if (e.divergent) enforcement.push(t('enforcement.divergent'));
  const changes = e.changes.map((c) => {
    switch (c.code) {
      case 'more_weeks':
        return t('change.moreWeeks', { weeks: c.weeks });
      case 'more_detections':
        return t('change.moreDetections', { weeks: c.weeks, recent: c.recentWeeks });
      case 'p_below':
        return t('change.pBelow', { threshold: c.threshold, p: pValue(c.p), to: c.to.map((x) => t(`trend.${x}`)).join(t('or')) });
      case 'p_above':
        return t('change.pAbove', { threshold: c.threshold, p: pValue(c.p), to: t(`trend.${c.to}`) });
      case 'panel_no_effect':
        return t('change.panelNoEffect');
    }
  });
  return { headline: t('signal.headline', { trend: cat, from: e.window.from, to: e.window.to, weeks: e.window.weeks }), facts, plants, panel, enforcement, changes };
}

/** Why the listing colour: the class, the events, the assessments, and what comes next. */
export function listingWords(l: ListingEvidence, t: T): { headline: string; events: string[]; changes: string[] } {
  const headline = t(`listing.class.${l.class}`, { date: l.asOf, grade: l.listing ? t(`grade.${l.listing.grade}`) : '' });
  const events = [
    ...l.events.map((e) => t('listing.event', { date: e.onDate, kind: t(`listing.kind.${e.kind}`), grade: t(`grade.${e.grade}`), ends: e.termEndsOn })),
    ...l.assessments.map((a) => t('listing.assessment', { year: a.year, date: a.assessedOn, met: a.conditionsMet })),
  ];
  const changes = l.changes.map((c) => {
    switch (c.code) {
      case 'listing_decision':
        return t('listing.change.decision');
      case 'assessment_due':
        return t(c.conditionsMet === null ? 'listing.change.assessmentFirst' : 'listing.change.assessment', { date: c.on, met: c.conditionsMet });
      case 'term_ends':
        return t(c.extensionLeft ? 'listing.change.termExtendable' : 'listing.change.term', { date: c.on });
      case 'delisted_colour_ends':
        return t('listing.change.delistedEnds', { date: c.on });
    }
  });
  return { headline, events, changes };
}

export const areaTitle = (e: Evidence, t: T) => t('title', { name: e.area.name });
