/**
 * The link a patrol sheet's QR code carries: the console opened on the stop, with the stop selected, so the
 * details panel shows its inspection form (web/src/url/viewHash.ts reads map= and sel=). The origin is the one the
 * sheet was printed from: the console is same-origin only, and a phone on the intranet reaches the same address.
 */
import { formatViewHash } from '../url/viewHash';
import type { Lang } from '../api/types';

export interface LinkedStop {
  kind: 'firm' | 'venue';
  id: number;
  lon: number;
  lat: number;
}

export function inspectionLink(origin: string, stop: LinkedStop, lang: Lang): string {
  const hash = formatViewHash({
    center: [stop.lon, stop.lat],
    zoom: 17,
    layers: null,
    opacity: {},
    filters: {},
    selection: { layer: stop.kind === 'firm' ? 'firms' : 'venues', id: String(stop.id) },
    lang,
  });
  return `${origin.replace(/\/$/, '')}/${hash}`;
}
