/**
 * The words of listing (挂牌整治): grades, listing bodies, problem categories, the six delisting conditions.
 * The codes match the CHECK constraints of migrations/001_core.sql; the labels are what reports and exports print.
 */

export const GRADES = ['key_rectification', 'key_supervision', 'key_attention'] as const;
export type Grade = (typeof GRADES)[number];

/** Severity order: a downgrade moves to a grade further right. */
export const GRADE_RANK: Record<Grade, number> = { key_rectification: 3, key_supervision: 2, key_attention: 1 };

export const BODIES = ['national', 'province', 'city', 'county'] as const;
export type Body = (typeof BODIES)[number];

export const STATUSES = ['listed', 'extended', 'downgraded', 'delisted'] as const;
export type Status = (typeof STATUSES)[number];

export const AREA_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Article 10 (一)–(七). */
export const CATEGORIES = [
  'manufacturing',
  'smuggling_channel',
  'transit_hub',
  'outflow_trafficking',
  'illegal_cultivation',
  'drug_abuse',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Article 14 (一)–(六): all six must hold to downgrade or delist. Also the column names of listing_assessment. */
export const CONDITIONS = ['leadership', 'mechanisms', 'groundwork', 'education', 'enforcement', 'problem_eased'] as const;
export type Condition = (typeof CONDITIONS)[number];
export type Conditions = Record<Condition, boolean>;

export type EventKind = 'listed' | 'assessed' | 'extended' | 'downgraded' | 'delisted' | 'relisted';

export interface Label {
  zh: string;
  en: string;
}

export const GRADE_LABEL: Record<Grade, Label> = {
  key_rectification: { zh: '重点整治', en: 'key rectification' },
  key_supervision: { zh: '重点督办', en: 'key supervision' },
  key_attention: { zh: '重点关注', en: 'key attention' },
};

export const BODY_LABEL: Record<Body, Label> = {
  national: { zh: '国家禁毒委', en: 'national committee' },
  province: { zh: '省禁毒委', en: 'provincial committee' },
  city: { zh: '市禁毒委', en: 'city committee' },
  county: { zh: '县禁毒委', en: 'county committee' },
};

export const STATUS_LABEL: Record<Status, Label> = {
  listed: { zh: '挂牌', en: 'listed' },
  extended: { zh: '延期', en: 'extended' },
  downgraded: { zh: '降级', en: 'downgraded' },
  delisted: { zh: '摘牌', en: 'delisted' },
};

export const CATEGORY_LABEL: Record<Category, Label> = {
  manufacturing: { zh: '制毒', en: 'drug or precursor manufacturing' },
  smuggling_channel: { zh: '走私通道', en: 'smuggling channel' },
  transit_hub: { zh: '中转集散', en: 'transit and distribution hub' },
  outflow_trafficking: { zh: '外流贩毒', en: 'outflow trafficking' },
  illegal_cultivation: { zh: '非法种植', en: 'illegal cultivation' },
  drug_abuse: { zh: '毒品滥用', en: 'drug abuse' },
  other: { zh: '其他', en: 'other' },
};

export const CONDITION_LABEL: Record<Condition, Label> = {
  leadership: { zh: '组织领导到位', en: 'leadership in place' },
  mechanisms: { zh: '机制保障健全', en: 'mechanisms and funding sound' },
  groundwork: { zh: '基础工作扎实', en: 'groundwork solid' },
  education: { zh: '宣传教育有效', en: 'education effective' },
  enforcement: { zh: '执法打击有力', en: 'enforcement strong' },
  problem_eased: { zh: '突出问题缓解', en: 'problem eased' },
};
