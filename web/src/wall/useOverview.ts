/**
 * The key figures, fetched every refresh interval and kept on screen when a fetch fails (usePolled).
 */
import type { Overview } from './overview';
import { usePolled } from './usePolled';

export function useOverview(refreshSeconds: number, asOf: string | null, onOnline?: () => void) {
  const { data, conn } = usePolled<Overview>(`/api/overview${asOf ? `?as_of=${asOf}` : ''}`, refreshSeconds, onOnline);
  return { data: data && { overview: data.value, fetchedAt: data.fetchedAt }, conn };
}
