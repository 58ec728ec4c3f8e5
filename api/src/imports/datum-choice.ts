/**
 * Which coordinate system a file is read in: what the file declares (.prj, a GeoJSON crs member), what the user
 * chose (`datum`), or, for GeoJSON that says nothing, WGS84 as RFC 7946 prescribes. A projected .prj contradicted
 * by the user's choice is refused; a geographic .prj may be overridden by GCJ-02 or BD-09, because web-map
 * coordinates are often saved with a WGS84 .prj that does not describe them.
 */
import { CrsError, crsFromPrj, crsFromUrn, parseCrsParam, type SourceCrs } from 'domain/crs';
import { FormatError, type SourceInfo } from 'geodata/formats';

export interface DatumChoice {
  crs: SourceCrs;
  source: 'file' | 'given' | 'default';
  /** What the file declares, when it declares something. */
  declared: SourceCrs | null;
}

export function declaredCrs(info: SourceInfo): SourceCrs | null {
  if (!info.crsText) return null;
  if (info.format === 'shapefile') {
    try {
      return crsFromPrj(info.crsText);
    } catch (err) {
      // One kind of refusal for the routes and the CLI to report.
      if (err instanceof CrsError) throw new FormatError(err.rule, err.params);
      throw err;
    }
  }
  const c = crsFromUrn(info.crsText);
  if (!c) throw new FormatError('unknown_projection', { name: info.crsText });
  return c;
}

export function chooseDatum(info: SourceInfo, given: string | undefined): DatumChoice {
  const declared = declaredCrs(info);
  const chosen = given ? parseCrsParam(given) : null;
  if (given && !chosen) throw new FormatError('unknown_datum', { datum: given });
  if (chosen && declared && chosen.id !== declared.id) {
    const overridable = declared.kind === 'geographic' && chosen.kind !== 'projected';
    if (!overridable) throw new FormatError('datum_conflict', { chosen: chosen.id, declared: declared.id });
  }
  if (chosen) return { crs: chosen, source: 'given', declared };
  if (declared) return { crs: declared, source: 'file', declared };
  if (info.format === 'geojson') return { crs: parseCrsParam('wgs84')!, source: 'default', declared };
  throw new FormatError('datum_required');
}
