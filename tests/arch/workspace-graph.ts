/**
 * The import graph of the workspace, from dependency-cruiser (TypeScript-aware, type-only imports marked), and the
 * package-level facts the architecture tests check: which package imports which, by what specifier, declared or
 * not; what the browser bundle can reach; package cycles. See docs/ARCHITECTURE.md for the rules themselves.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type IDependency, type IModule } from 'dependency-cruiser';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/** The workspace packages, by folder (= package name). */
export const PACKAGES = ['domain', 'db', 'geodata', 'api', 'web', 'tests'] as const;
export type PackageName = (typeof PACKAGES)[number];

/** What each package's sources are (dist, node_modules and generated output left out). */
const SOURCES = ['domain/src', 'db/src', 'geodata/src', 'geodata/bench', 'api/src', 'api/bench', 'web/src', 'web/vite.config.ts', 'tests'];

export function packageOf(path: string): PackageName | null {
  const first = path.split('/')[0];
  return (PACKAGES as readonly string[]).includes(first!) ? (first as PackageName) : null;
}

export interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export function manifestOf(pkg: PackageName): Manifest {
  return JSON.parse(readFileSync(join(ROOT, pkg, 'package.json'), 'utf8')) as Manifest;
}

export const declared = (m: Manifest) => new Set([...Object.keys(m.dependencies ?? {}), ...Object.keys(m.devDependencies ?? {})]);

/** Every module of the workspace with its resolved imports. `cwd` must be the repository root. */
export async function cruiseWorkspace(dirs: readonly string[] = SOURCES): Promise<IModule[]> {
  const result = await cruise([...dirs], {
    baseDir: ROOT,
    tsPreCompilationDeps: true,
    moduleSystems: ['es6'],
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|test-output)/' },
    // Workspace packages resolve through their package.json "exports" (pnpm links them into node_modules).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      mainFields: ['module', 'main'],
    },
  });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser gave text, not a graph');
  return result.output.modules.filter((m) => !m.source.includes('node_modules'));
}

/** The npm package an import names ('@scope/name/x' → '@scope/name', 'pg/lib' → 'pg'). */
export const npmName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

export const isTypeOnly = (d: IDependency) => d.dependencyTypes.includes('type-only');

export interface PackageEdge {
  from: PackageName;
  to: PackageName;
  source: string;
  specifier: string;
  resolved: string;
  typeOnly: boolean;
}

/** Imports from a module of one workspace package into a module of another. */
export function packageEdges(modules: readonly IModule[]): PackageEdge[] {
  const out: PackageEdge[] = [];
  for (const m of modules) {
    const from = packageOf(m.source);
    if (!from) continue;
    for (const d of m.dependencies) {
      const to = packageOf(d.resolved);
      if (to && to !== from) out.push({ from, to, source: m.source, specifier: d.module, resolved: d.resolved, typeOnly: isTypeOnly(d) });
    }
  }
  return out;
}

/** Cycles in the package graph (each as the packages along it, first repeated at the end). */
export function packageCycles(edges: readonly Pick<PackageEdge, 'from' | 'to'>[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  const cycles = new Map<string, string[]>();
  const walk = (path: string[]) => {
    for (const n of next.get(path[path.length - 1]!) ?? []) {
      const at = path.indexOf(n);
      if (at >= 0) {
        const cycle = path.slice(at);
        // One entry per cycle, whichever package it was found from.
        const key = [...cycle].sort().join('>');
        if (!cycles.has(key)) cycles.set(key, [...cycle, n]);
      } else walk([...path, n]);
    }
  };
  for (const start of next.keys()) walk([start]);
  return [...cycles.values()];
}

export interface Reached {
  /** Resolved path (a workspace file, a file under node_modules, or a core module's name). */
  module: string;
  /** The import as written, and whether it names a Node core module. */
  specifier: string;
  core: boolean;
  /** The chain of modules from the entry that reaches it. */
  via: string[];
}

/** Everything reachable from `entries` by imports the bundler keeps (type-only imports are erased). */
export function runtimeReach(modules: readonly IModule[], entries: readonly string[]): Reached[] {
  const bySource = new Map(modules.map((m) => [m.source, m]));
  const seen = new Map<string, Reached>(entries.map((e) => [e, { module: e, specifier: e, core: false, via: [e] }]));
  const queue = [...entries];
  while (queue.length) {
    const cur = queue.shift()!;
    for (const d of bySource.get(cur)?.dependencies ?? []) {
      if (isTypeOnly(d) || seen.has(d.resolved)) continue;
      seen.set(d.resolved, { module: d.resolved, specifier: d.module, core: d.coreModule, via: [...seen.get(cur)!.via, d.resolved] });
      queue.push(d.resolved);
    }
  }
  return [...seen.values()];
}
