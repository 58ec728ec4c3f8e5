/**
 * Listing (挂牌整治) plug-in: the time slider that recolours areas by grade as of a date, outlines for overdue and
 * recently delisted areas, the listings table with exports, and a printable report per listed area.
 * No title: it is always on, since the area colours are the listing grades.
 */
import { lazyPart, type ConsolePlugin } from '../plugins/registry';
import './listing.css';

const plugin: ConsolePlugin = {
  id: 'listing',
  Control: lazyPart('listing', () => import('./ListingControl').then((m) => m.ListingControl)),
  DetailSection: lazyPart('listing', () => import('./ListingSection').then((m) => m.ListingSection)),
};

export default plugin;
