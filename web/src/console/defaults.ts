import type { ViewState } from '../url/viewHash';

/** Where the map opens without a view in the URL: Hengyang, where the demo region lies; refined to the data. */
export const DEFAULT_VIEW: ViewState = {
  center: [112.57, 26.89],
  zoom: 8.5,
  layers: null,
  opacity: {},
  filters: {},
  selection: null,
  lang: 'zh-CN',
};

/** Phones get the bottom sheet; the same breakpoint is in styles.css. */
export const PHONE_QUERY = '(max-width: 700px)';
