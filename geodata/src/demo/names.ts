/**
 * Chinese place names built from syllables, in the style of Hunan toponyms (青山镇, 石塘村, 桃源社区).
 * Every name is fictitious by construction: a first syllable (often a landscape or auspicious word) and a
 * second (a landform or settlement word), then the level's suffix. Names are unique within their parent.
 */
import { pick, type Rng } from './rng.js';

const FIRST = [
  '青', '石', '龙', '凤', '白', '金', '桃', '松', '柏', '梅', '竹', '清', '泉', '云', '霞', '茶', '樟', '枫', '杉', '荷',
  '莲', '黄', '红', '紫', '双', '三', '五', '七', '九', '新', '安', '和', '平', '兴', '隆', '永', '丰', '福', '寿', '长',
  '乐', '东', '西', '南', '北', '中', '上', '下', '大', '小', '高', '马', '牛', '鹤', '雁', '燕', '杨', '柳', '樱', '兰',
  '荆', '湘', '潇', '蒸', '耒', '洣', '渌', '岳', '衡', '祁', '常', '宁', '嘉', '禾', '昌', '盛', '富', '华', '明', '光',
] as const;
const SECOND = [
  '山', '岭', '江', '湖', '塘', '溪', '湾', '坪', '桥', '冲', '源', '田', '洲', '滩', '渡', '铺', '港', '坝', '坡', '岗',
  '峰', '阳', '林', '园', '庄', '口', '头', '门', '堂', '市', '家', '水', '河', '湘', '丘', '岩', '垅', '埠', '圩', '亭',
] as const;
const CITY_FIRST = ['衡', '岳', '湘', '潇', '楚', '南', '云', '澧', '资', '沅', '雪', '武', '梅', '舜'] as const;
const CITY_SECOND = ['岳', '阳', '州', '南', '陵', '安', '宁', '江', '山', '湘', '源', '峰', '水', '川'] as const;

/** A two-syllable stem not yet used in `taken` (which it then joins). */
export function uniqueStem(r: Rng, taken: Set<string>, first: readonly string[] = FIRST, second: readonly string[] = SECOND): string {
  for (let attempt = 0; attempt < 500; attempt++) {
    const a = pick(r, first);
    const b = pick(r, second);
    if (a === b) continue;
    const stem = a + b;
    if (!taken.has(stem)) {
      taken.add(stem);
      return stem;
    }
  }
  // 80 × 40 stems are far more than any parent's children; reaching here means a bug upstream.
  throw new Error(`ran out of place names after ${taken.size}`);
}

export function cityStem(r: Rng, taken: Set<string>): string {
  return uniqueStem(r, taken, CITY_FIRST, CITY_SECOND);
}

export const SUFFIX = {
  district: '区',
  county: '县',
  county_city: '市',
  town: '镇',
  township: '乡',
  street: '街道',
  park: '工业园',
  village: '村',
  community: '社区',
} as const;

/** Grid names follow the village: "石塘村第3网格". */
export const gridName = (villageName: string, n: number) => `${villageName}第${n}网格`;

/** Surnames and given-name characters for fictitious inspectors and contacts. */
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '罗', '谭', '彭', '曾', '邓', '蒋'] as const;
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀', '霞', '平', '刚', '桂', '英', '华', '建', '国', '红', '卫', '东'] as const;
export function personName(r: Rng): string {
  const given = pick(r, GIVEN) + (r() < 0.6 ? pick(r, GIVEN) : '');
  return pick(r, SURNAMES) + given;
}

/** Road names for addresses: 建设路, 解放大道, 雁城南路. */
const ROAD_FIRST = ['建设', '解放', '人民', '中山', '蒸湘', '先锋', '光明', '胜利', '朝阳', '迎宾', '工业', '东风', '环城', '滨江', '船山', '衡州', '红湘', '长丰'] as const;
const ROAD_KIND = ['路', '大道', '街', '东路', '西路', '南路', '北路'] as const;
export function streetAddress(r: Rng, townshipName: string): string {
  return `${townshipName}${pick(r, ROAD_FIRST)}${pick(r, ROAD_KIND)}${1 + Math.floor(r() * 399)}号`;
}
