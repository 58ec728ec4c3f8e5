/** Labels of the enumerations the schema allows (zh-CN first). Legends, filters and exports read them here. */
import { GRADE_LABEL } from 'domain/listing';
import type { Text } from './types.js';

/** Grade labels belong to the listing domain; legends reuse them. */
export const GRADE_LABELS: Record<string, Text> = GRADE_LABEL;

export const FIRM_CATEGORY_LABELS: Record<number, Text> = {
  1: { zh: '第一类易制毒', en: 'Category 1 precursor' },
  2: { zh: '第二类易制毒', en: 'Category 2 precursor' },
  3: { zh: '第三类易制毒', en: 'Category 3 precursor' },
};

export const VENUE_KIND_LABELS: Record<string, Text> = {
  hotel: { zh: '宾馆酒店', en: 'Hotel' },
  bar: { zh: '酒吧', en: 'Bar' },
  ktv: { zh: 'KTV', en: 'KTV' },
  bathhouse: { zh: '洗浴中心', en: 'Bathhouse' },
  internet_cafe: { zh: '网吧', en: 'Internet café' },
  private_club: { zh: '私人会所', en: 'Private club' },
};

export const CHECKPOINT_KIND_LABELS: Record<string, Text> = {
  public_security: { zh: '公安检查站', en: 'Public security checkpoint' },
  drug_inspection: { zh: '毒品查缉站', en: 'Drug inspection station' },
  toll_station: { zh: '收费站查缉点', en: 'Toll-station check' },
  temporary: { zh: '临时查缉点', en: 'Temporary checkpoint' },
};

export const SITE_KIND_LABELS: Record<string, Text> = {
  plant_inlet: { zh: '污水厂进水口', en: 'Plant inlet' },
  tracing: { zh: '溯源采样点', en: 'Tracing point' },
};

export const LEVEL_LABELS: Record<string, Text> = {
  province: { zh: '省', en: 'Province' },
  city: { zh: '市', en: 'City' },
  county: { zh: '县/区', en: 'County/district' },
  township: { zh: '乡镇/街道', en: 'Township/street' },
  village: { zh: '村/社区', en: 'Village/community' },
};
