/**
 * Discovers plug-ins at build time: every `web/src/<module>/plugin.ts(x)` with a default-exported ConsolePlugin.
 * Eager, because plug-ins are small; they lazy-load their heavy parts themselves.
 */
import { registerPlugin, type ConsolePlugin } from './registry';

const modules = import.meta.glob<{ default?: ConsolePlugin }>(['../*/plugin.ts', '../*/plugin.tsx'], { eager: true });

export function loadPlugins(): void {
  for (const [path, mod] of Object.entries(modules)) {
    const plugin = mod.default;
    if (!plugin || typeof plugin.id !== 'string') {
      console.warn(`plug-in ${path} has no default ConsolePlugin export`);
      continue;
    }
    registerPlugin(plugin);
  }
}
