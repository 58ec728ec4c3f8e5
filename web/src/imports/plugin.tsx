/**
 * 数据导入导出 · Import and export: the upload page (office and admin) and the export links (everyone, within
 * their jurisdiction). Always on (no mode switch); the page itself loads lazily when opened. While a dry run is
 * shown, its features are drawn over the existing data.
 */
import { lazyModule, lazyPart, type ConsolePlugin } from '../plugins/registry';
import { getPreview } from './state';
import './imports.css';

/** The dry run's drawing: only once there is a dry run to draw. */
const overlay = lazyModule(() => import('./overlay'));

const plugin: ConsolePlugin = {
  id: 'imports',
  deckLayers: () => {
    const fc = getPreview();
    const draw = fc ? overlay() : null;
    return fc && draw ? draw.previewLayers(fc) : [];
  },
  Control: lazyPart('imports', () => import('./ImportControl').then((m) => m.ImportControl)),
};

export default plugin;
