/**
 * 数据导入导出 · Import and export: the upload page (office and admin) and the export links (everyone, within
 * their jurisdiction). Always on (no mode switch); the page itself loads lazily when opened. While a dry run is
 * shown, its features are drawn over the existing data.
 */
import { lazyPart, type ConsolePlugin } from '../plugins/registry';
import { previewLayers } from './overlay';
import { getPreview } from './state';
import './imports.css';

const plugin: ConsolePlugin = {
  id: 'imports',
  deckLayers: () => {
    const fc = getPreview();
    return fc ? previewLayers(fc) : [];
  },
  Control: lazyPart('imports', () => import('./ImportControl').then((m) => m.ImportControl)),
};

export default plugin;
