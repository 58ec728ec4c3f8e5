/** WKT geometry text (a column of a CSV or Excel sheet) ↔ GeoJSON, with @terraformer/wkt. EWKT's SRID=n; prefix is read too. */
import { geojsonToWKT, wktToGeoJSON } from '@terraformer/wkt';
import type { Geometry } from 'geojson';

/** The geometry of a WKT or EWKT text, and the SRID an EWKT names; null when the text is not WKT. */
export function parseWkt(text: string): { geometry: Geometry; srid: number | null } | null {
  const m = /^\s*SRID=(\d+)\s*;\s*(.*)$/is.exec(text);
  const body = (m ? m[2]! : text).trim();
  if (!/^[A-Za-z]+\s*(Z|M|ZM)?\s*(\(|EMPTY)/i.test(body)) return null;
  try {
    return { geometry: wktToGeoJSON(body) as Geometry, srid: m ? Number(m[1]) : null };
  } catch {
    return null;
  }
}

export const toWkt = (g: Geometry): string => geojsonToWKT(g as Parameters<typeof geojsonToWKT>[0]);
