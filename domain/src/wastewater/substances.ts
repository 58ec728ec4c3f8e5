/**
 * The substances a lab reports, their names (for import and display) and the weights of the
 * methamphetamine-equivalent index.
 *
 * Index weights: each substance's normalised load is converted into "methamphetamine-dose equivalents" by the
 * ratio of a typical methamphetamine dose to a typical dose of that substance (as residue in wastewater):
 *   weight = TYPICAL_DOSE_MG.methamphetamine / TYPICAL_DOSE_MG[s]
 * The doses are round figures chosen so that a milligram of a weak or bulk-dosed drug (ketamine, MDMA, cocaine
 * via its marker benzoylecgonine) counts less than a milligram of methamphetamine. They are a transparent demo
 * assumption, not an official provincial method: replace TYPICAL_DOSE_MG when the province publishes its own.
 * Amphetamine is also a metabolite of methamphetamine, so part of it is counted twice; we accept that for an
 * index that is only compared with itself over time.
 */
export const SUBSTANCES = ['methamphetamine', 'amphetamine', 'ketamine', 'mdma', 'morphine', 'benzoylecgonine'] as const;
export type Substance = (typeof SUBSTANCES)[number];

/** The pseudo-substance under which area_signal stores the index. */
export const INDEX_SUBSTANCE = 'index';

export const TYPICAL_DOSE_MG: Readonly<Record<Substance, number>> = {
  methamphetamine: 30,
  amphetamine: 30,
  ketamine: 100,
  mdma: 100,
  morphine: 30, // heroin marker; heroin street dose of the same order as methamphetamine
  benzoylecgonine: 100, // cocaine marker
};

export const INDEX_WEIGHTS: Readonly<Record<Substance, number>> = Object.fromEntries(
  SUBSTANCES.map((s) => [s, TYPICAL_DOSE_MG.methamphetamine / TYPICAL_DOSE_MG[s]]),
) as Record<Substance, number>;

export const SUBSTANCE_LABELS: Readonly<Record<Substance, { zh: string; en: string }>> = {
  methamphetamine: { zh: '甲基苯丙胺', en: 'Methamphetamine' },
  amphetamine: { zh: '苯丙胺', en: 'Amphetamine' },
  ketamine: { zh: '氯胺酮', en: 'Ketamine' },
  mdma: { zh: 'MDMA', en: 'MDMA' },
  morphine: { zh: '吗啡', en: 'Morphine' },
  benzoylecgonine: { zh: '苯甲酰爱康宁', en: 'Benzoylecgonine' },
};

/** Names labs actually write, in Chinese or English; matched after trimming, lower-casing and dropping spaces. */
const ALIASES: Readonly<Record<Substance, readonly string[]>> = {
  methamphetamine: ['methamphetamine', 'meth', 'methamphetamin', 'ma', 'meta', '甲基苯丙胺', '冰毒', '甲基安非他明'],
  amphetamine: ['amphetamine', 'amp', 'amph', '苯丙胺', '安非他明'],
  ketamine: ['ketamine', 'ket', '氯胺酮', 'k粉'],
  mdma: ['mdma', '3,4-亚甲二氧基甲基苯丙胺', '亚甲二氧基甲基苯丙胺', '摇头丸', 'ecstasy'],
  morphine: ['morphine', 'mor', '吗啡'],
  benzoylecgonine: ['benzoylecgonine', 'be', 'bze', '苯甲酰爱康宁', '苯甲酰芽子碱', '可卡因代谢物'],
};

const LOOKUP = new Map<string, Substance>();
for (const s of SUBSTANCES) for (const a of ALIASES[s]) LOOKUP.set(normaliseName(a), s);

function normaliseName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
}

/** The substance a lab's name refers to, or null when unknown. */
export function parseSubstance(name: string): Substance | null {
  return LOOKUP.get(normaliseName(name)) ?? null;
}

export function isSubstance(x: string): x is Substance {
  return (SUBSTANCES as readonly string[]).includes(x);
}

/** Methamphetamine-equivalent index of per-substance loads; substances missing from `loads` count as 0. */
export function methEquivalentIndex(loads: Partial<Record<Substance, number>>): number {
  let sum = 0;
  for (const s of SUBSTANCES) sum += (loads[s] ?? 0) * INDEX_WEIGHTS[s];
  return sum;
}
