/**
 * 数据导入导出 · Import and export: the upload page (office and admin) and the export links (everyone, within
 * their jurisdiction). Always on (no mode switch); the page itself loads lazily when opened. While a dry run is
 * shown, its features are drawn over the existing data.
 */
import type { ConsolePlugin } from '../plugins/registry';
import en from './i18n/en.json';
import zh from './i18n/zh-CN.json';
import { ImportControl } from './ImportControl';
import { previewLayers } from './overlay';
import { getPreview } from './state';
import './imports.css';

const plugin: ConsolePlugin = {
  id: 'imports',
  messages: { 'zh-CN': zh, en },
  deckLayers: () => {
    const fc = getPreview();
    return fc ? previewLayers(fc) : [];
  },
  Control: ImportControl,
};

export default plugin;
