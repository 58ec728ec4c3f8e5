/**
 * Discovers plug-ins at build time: every `web/src/<module>/plugin.ts(x)` with a default-exported ConsolePlugin.
 * Eager, because plug-ins are small; they lazy-load their heavy parts themselves.
 */
import { i18n } from '../i18n';
import { registerPlugin, type ConsolePlugin } from './registry';

const modules = import.meta.glob<{ default?: ConsolePlugin }>(['../*/plugin.ts', '../*/plugin.tsx'], { eager: true });

export function loadPlugins(): void {
  for (const [path, mod] of Object.entries(modules)) {
    const plugin = mod.default;
    if (!plugin || typeof plugin.id !== 'string') {
      console.warn(`plug-in ${path} has no default ConsolePlugin export`);
      continue;
    }
    for (const [lang, messages] of Object.entries(plugin.messages ?? {})) {
      if (messages) i18n.addResourceBundle(lang, plugin.id, messages, true, true);
    }
    registerPlugin(plugin);
  }
}
