/** The answer of GET /api/wall/changes (api/src/wall/changes.ts) as the wall reads it. Names are null in visitor mode. */
export interface Changes {
  since: string;
  until: string;
  visitor: boolean;
  listings: { listed: number; delisted: number; items: { kind: 'listed' | 'relisted' | 'delisted'; grade: string; areaCode: string; areaName: string; onDate: string; recordedBy: string | null }[] };
  rising: { count: number; items: { areaCode: string; areaName: string; trend: string; pctChange: number | null }[] };
  overdue: { count: number; items: { kind: 'firm' | 'venue'; id: number; name: string | null; subKind: string; townshipName: string | null; due: string }[] };
  checkpointCases: { cases: number; items: { id: number; name: string | null; kind: string; countyName: string | null; day: string; cases: number; seizedKg: number }[] };
  flaggedCheckIns: { count: number; items: { kind: 'firm' | 'venue'; name: string | null; subKind: string; townshipName: string | null; inspector: string | null; distanceM: number }[] };
}
