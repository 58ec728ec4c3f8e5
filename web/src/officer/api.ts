/** The grid officer's two API calls: their grids with due work, and "where am I?" against those grids. */
import type { MultiPolygon, Polygon } from 'geojson';
import { api } from '../api/client';

export interface DueItem {
  kind: 'firm' | 'venue';
  id: number;
  name: string;
  due: string;
}

export interface LatestMonth {
  month: string;
  rehabDue: number;
  rehabDone: number;
  registered: number;
  underControl: number;
}

export interface MyGrid {
  code: string;
  name: string;
  households: number | null;
  population: number | null;
  boundary: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
  due: DueItem[];
  latestMonth: LatestMonth | null;
}

export interface LocateAnswer {
  position: { lon: number; lat: number; datum: string };
  grid: { code: string; name: string; villageName: string; townshipName: string } | null;
  insideMyGrid: boolean | null;
  myGrids: { code: string; name: string; metres: number }[];
}

export const fetchMine = (signal?: AbortSignal) => api.get<{ grids: MyGrid[] }>('/api/grids/mine?within_days=14', signal);

export const fetchLocate = (lon: number, lat: number, signal?: AbortSignal) =>
  api.get<LocateAnswer>(`/api/grids/locate?lon=${lon.toFixed(6)}&lat=${lat.toFixed(6)}&datum=wgs84`, signal);
