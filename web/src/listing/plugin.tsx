/**
 * Listing (挂牌整治) plug-in: the time slider that recolours areas by grade as of a date, outlines for overdue and
 * recently delisted areas, the listings table with exports, and a printable report per listed area.
 * No title: it is always on, since the area colours are the listing grades.
 */
import type { ConsolePlugin } from '../plugins/registry';
import en from './i18n/en.json';
import zh from './i18n/zh-CN.json';
import { ListingControl } from './ListingControl';
import { ListingSection } from './ListingSection';
import './listing.css';

const plugin: ConsolePlugin = {
  id: 'listing',
  messages: { 'zh-CN': zh, en },
  Control: ListingControl,
  DetailSection: ListingSection,
};

export default plugin;
