/**
 * The message catalogue of imports: every rule id the API reports (problems, repairs, refused files) with its
 * zh-CN and English text. The API carries rule ids and parameters; this is the one place that words them.
 * `{name}` in a text is replaced by the parameter of that name.
 */
import type { Text } from '../layers/types.js';

export type Lang = 'zh' | 'en';

const t = (zh: string, en: string): Text => ({ zh, en });

export const MESSAGES: Record<string, Text> = {
  // The file as a whole (readers in geodata/src/formats, upload limits).
  empty_file: t('文件为空。', 'The file is empty.'),
  file_too_large: t('文件超过 {maxMb} MB 的上限。', 'The file is larger than the limit of {maxMb} MB.'),
  not_multipart: t('请以 multipart/form-data 上传，文件放在 file 字段中。', 'Send the file as multipart/form-data in a field named "file".'),
  missing_file: t('请求中没有 file 字段。', 'The request has no "file" field.'),
  unknown_format: t('无法识别文件格式：请上传 GeoJSON、压缩的 Shapefile（.zip）、CSV 或 Excel（.xlsx）。', 'Unknown file format: send GeoJSON, a zipped Shapefile (.zip), CSV or Excel (.xlsx).'),
  xls_not_supported: t('不支持旧版 Excel（.xls），请另存为 .xlsx 或 CSV。', 'Old Excel files (.xls) are not read; save as .xlsx or CSV.'),
  unknown_encoding: t('无法识别文字编码（检测结果：{guess}）。请另存为 UTF-8 或 GBK，或在请求中指定 encoding。', 'Unknown text encoding (detector says {guess}). Save the file as UTF-8 or GBK, or pass encoding.'),
  corrupt_zip: t('压缩文件已损坏：{reason}', 'The zip archive is damaged: {reason}'),
  zip_too_many_entries: t('压缩包内文件过多（{entries} 个，上限 {max} 个）。', 'The zip holds too many files ({entries}; at most {max}).'),
  zip_too_large: t('压缩包解压后超过 {maxMb} MB，已停止解压。', 'The zip inflates to more than {maxMb} MB; inflating stopped.'),
  zip_no_shapefile: t('压缩包中没有 .shp 文件。', 'The zip holds no .shp file.'),
  zip_many_shapefiles: t('压缩包中有多个 Shapefile（{names}），请每次上传一个。', 'The zip holds several Shapefiles ({names}); send one at a time.'),
  shapefile_missing_part: t('Shapefile 缺少 {part} 文件。', 'The Shapefile lacks its {part} file.'),
  corrupt_shapefile: t('Shapefile 已损坏：{reason}', 'The Shapefile is damaged: {reason}'),
  corrupt_xlsx: t('Excel 文件无法读取：{reason}', 'The Excel file cannot be read: {reason}'),
  not_geojson: t('不是 GeoJSON 文件。', 'Not a GeoJSON file.'),
  bad_json: t('GeoJSON 格式错误：{reason}', 'The GeoJSON is malformed: {reason}'),
  geojson_too_large_single: t('单个要素的 GeoJSON 超过 {maxMb} MB；请改用 FeatureCollection。', 'A single-feature GeoJSON above {maxMb} MB; send a FeatureCollection.'),
  not_a_feature: t('不是 GeoJSON 要素。', 'Not a GeoJSON feature.'),
  bad_geometry: t('几何对象格式错误。', 'The geometry is malformed.'),
  too_many_records: t('记录数超过上限 {max}。', 'More records than the limit of {max}.'),
  too_many_vertices: t('几何对象的节点数超过上限 {max}。', 'The geometry has more vertices than the limit of {max}.'),
  cell_too_long: t('“{column}”的内容超过 {max} 个字符。', 'The value of "{column}" is longer than {max} characters.'),
  unreadable_prj: t('.prj 坐标系文件无法解析。', 'The .prj file cannot be read.'),
  unsupported_datum: t('不支持的大地基准（{datum}）：北京54、西安80 需要本地转换参数，请先转换为 CGCS2000。', 'Unsupported datum ({datum}): Beijing 1954 and Xian 1980 need local parameters; convert to CGCS2000 first.'),
  unknown_projection: t('不支持的投影（{name}）：请使用经纬度或 CGCS2000 高斯-克吕格投影。', 'Unsupported projection ({name}): use longitude/latitude or CGCS2000 Gauss–Krüger.'),
  datum_required: t('文件没有说明坐标系（没有 .prj 或 crs），请选择坐标系（datum）。', 'The file does not say its coordinate system (no .prj or crs): choose the datum.'),
  datum_conflict: t('所选坐标系 {chosen} 与文件声明的 {declared} 不一致。', 'The chosen datum {chosen} contradicts the file\'s {declared}.'),
  unknown_datum: t('未知坐标系：{datum}。可选 wgs84、cgcs2000、gcj02、bd09 或 EPSG:4524–4526、4545–4547 等。', 'Unknown datum {datum}: use wgs84, cgcs2000, gcj02, bd09 or EPSG:4524–4526, 4545–4547 and the like.'),
  unknown_layer: t('未知图层：{layer}。', 'Unknown layer {layer}.'),
  layer_not_importable: t('图层“{layer}”不能导入。', 'The layer {layer} cannot be imported.'),
  forbidden_layer: t('您的角色不能写入图层“{layer}”。', 'Your role may not write the layer {layer}.'),
  bad_mapping: t('字段映射无效：{reason}', 'The column mapping is invalid: {reason}'),
  missing_column: t('缺少必填字段“{field}”的列。', 'No column is mapped to the required field "{field}".'),
  missing_coordinates: t('没有几何：请映射经度和纬度列，或 WKT 列。', 'No geometry: map the longitude and latitude columns, or a WKT column.'),
  upload_not_found: t('上传的文件不存在或已过期，请重新上传。', 'The uploaded file is gone or expired; upload it again.'),
  import_busy: t('您已有导入在进行中，请等待完成。', 'You already have an import running; wait for it to finish.'),

  // One record.
  missing_value: t('“{field}”为空。', '"{field}" is empty.'),
  bad_number: t('“{field}”不是非负整数：{value}', '"{field}" is not a whole number ≥ 0: {value}'),
  bad_date: t('“{field}”不是日期：{value}', '"{field}" is not a date: {value}'),
  bad_opening_hours: t('“{field}”无法识别：{value}（示例：周一至周五 08:00-12:00,14:00-18:00；周日休息）', '"{field}" cannot be read: {value} (e.g. Mo-Fr 08:00-12:00,14:00-18:00; Su off)'),
  bad_bool: t('“{field}”应为 是/否：{value}', '"{field}" must be yes or no: {value}'),
  unknown_value: t('“{field}”的值“{value}”不在可选范围内（{allowed}）。', '"{field}" has the unknown value "{value}" (allowed: {allowed}).'),
  bad_code: t('代码“{value}”的格式不对（{field}）。', 'The code "{value}" has the wrong shape ({field}).'),
  code_level_mismatch: t('代码 {value} 不是{level}级代码。', 'The code {value} is not a {level} code.'),
  bad_encoding: t('此行含有无法解码的字符（文件编码混杂）。', 'This row holds bytes that do not decode (mixed encodings).'),
  missing_geometry: t('没有几何或坐标。', 'No geometry or coordinates.'),
  wrong_geometry_type: t('几何类型为 {got}，此图层需要 {expected}。', 'The geometry is a {got}; this layer needs a {expected}.'),
  bad_coordinates: t('坐标不是数字：{value}', 'The coordinates are not numbers: {value}'),
  coordinates_out_of_range: t('坐标超出范围：{value}', 'Coordinates out of range: {value}'),
  lonlat_swapped: t('经纬度可能填反了（{value}）。', 'Longitude and latitude look swapped ({value}).'),
  outside_china: t('位置不在中国境内（{value}），请检查坐标系。', 'The location is outside China ({value}); check the datum.'),
  duplicate_code: t('代码 {code} 与第 {other} 条重复。', 'The code {code} repeats feature {other}.'),
  outside_jurisdiction: t('不在您的辖区内。', 'Outside your jurisdiction.'),
  outside_jurisdiction_area: t('有 {percent}% 的范围在您的辖区之外。', '{percent}% of it lies outside your jurisdiction.'),
  parent_mismatch: t('上级代码 {parent} 与代码 {code} 不对应。', 'The parent code {parent} does not match the code {code}.'),
  parent_not_found: t('上级 {parent} 不存在（请先导入上级）。', 'The parent {parent} does not exist (import the parents first).'),
  outside_parent: t('有 {percent}% 的范围在上级 {parent} 之外。', '{percent}% of it lies outside its parent {parent}.'),
  point_outside_parent: t('位置在所属区域 {parent} 之外 {metres} 米。', 'The point lies {metres} m outside its area {parent}.'),
  no_area_found: t('按位置找不到所属{level}。', 'No {level} found at this location.'),
  unknown_site: t('采样点 {code} 不存在。', 'No sampling site {code}.'),
  unknown_parent_site: t('所属污水厂 {parent} 不存在。', 'No plant site {parent}.'),
  invalid_geometry: t('几何无效且无法修复：{reason}', 'The geometry is invalid and cannot be repaired: {reason}'),
  overlap: t('与 {other} 重叠 {area} 平方米。', 'Overlaps {other} by {area} m².'),
  gap: t('上级 {parent} 内有 {area} 平方米未被覆盖的空隙。', 'A gap of {area} m² inside {parent} is covered by no area.'),
  datum_offset_suspected: t(
    '与已有数据相比整体偏移约 {metres} 米，看起来是 {suggested} 坐标；请确认坐标系（当前选择 {chosen}）。',
    'Shifted by about {metres} m against existing data, consistently: this looks like {suggested}; check the datum (chosen: {chosen}).',
  ),

  // Repairs (reported, not blocking).
  geometry_repaired: t('几何无效（{reason}），已用 ST_MakeValid 修复，面积变化 {percent}%。', 'Invalid geometry ({reason}) repaired with ST_MakeValid; area changed by {percent}%.'),
  area_from_location: t('{field} 按位置取为 {value}。', '{field} taken from the location: {value}.'),
};

export function message(rule: string, params: Record<string, unknown>, lang: Lang): string {
  const text = MESSAGES[rule]?.[lang] ?? rule;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined || params[k] === null ? m : String(params[k])));
}

/** The language of a request: ?lang=en|zh-CN, else Accept-Language, else Chinese. */
export function requestLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query) return query.toLowerCase().startsWith('en') ? 'en' : 'zh';
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
