/**
 * What a data change means for cached tiles. The database reports every write to a table tiles read
 * (migrations/110_tile_change_notify.sql) as {t: table, k: kinds of the rows, b: boxes in EPSG:3857 metres};
 * each layer says which tables it reads (LayerDefinition.readsFrom). A change drops, in each layer that reads
 * the table (and rows of that kind), the cached tiles that meet one of the boxes — nothing else.
 */
import type { LayerDefinition } from '../layers/types.js';
import type { Box } from './tile-cache.js';

export interface DataChange {
  table: string;
  /** Kinds of the changed rows; null → any kind. */
  kinds: (string | null)[] | null;
  /** Where rows were before and after the change; null → anywhere (TRUNCATE). */
  boxes: Box[] | null;
}

const isBox = (b: unknown): b is Box => Array.isArray(b) && b.length === 4 && b.every((v) => typeof v === 'number' && Number.isFinite(v));

/** The trigger's payload, or null for anything else on the channel. */
export function parseDataChange(msg: Record<string, unknown>): DataChange | null {
  if (typeof msg.t !== 'string') return null;
  const kinds = Array.isArray(msg.k) ? msg.k.map((k) => (typeof k === 'string' ? k : null)) : null;
  const boxes = Array.isArray(msg.b) && msg.b.every(isBox) ? (msg.b as Box[]) : null;
  return { table: msg.t, kinds, boxes };
}

/** The layers whose tiles read the changed rows. */
export function layersChangedBy(change: DataChange, layers: readonly LayerDefinition[]): LayerDefinition[] {
  const anyKind = !change.kinds || change.kinds.includes(null);
  return layers.filter((l) =>
    l.readsFrom.some((r) => r.table === change.table && (r.kind === undefined || anyKind || change.kinds!.includes(r.kind))),
  );
}
