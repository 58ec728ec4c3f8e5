/**
 * The package rules of docs/ARCHITECTURE.md, checked on the real import graph (dependency-cruiser) and manifests
 * (knip): no cycle between workspace packages; a package imports another only by its name and only when it declares
 * it; every npm package imported is declared; no dependency declared and never imported; nothing of the server in
 * the browser bundle, neither in the console's import graph nor in the built web/dist.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IModule } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../support/global-setup-server.js';
import {
  cruiseWorkspace,
  declared,
  manifestOf,
  npmName,
  packageCycles,
  packageEdges,
  packageOf,
  PACKAGES,
  ROOT,
  runtimeReach,
  type PackageEdge,
} from './workspace-graph.js';

let modules: IModule[];
let edges: PackageEdge[];

beforeAll(async () => {
  modules = await cruiseWorkspace();
  edges = packageEdges(modules);
});

const show = (e: PackageEdge) => `${e.source} → '${e.specifier}'`;

describe('workspace packages', () => {
  it('see the whole workspace (the graph is not empty or cut short)', () => {
    for (const p of PACKAGES) expect(modules.filter((m) => packageOf(m.source) === p).length, p).toBeGreaterThan(3);
    expect(edges.some((e) => e.from === 'api' && e.to === 'domain')).toBe(true);
  });

  it('have no import cycle between them', () => {
    expect(packageCycles(edges).map((c) => c.join(' → '))).toEqual([]);
  });

  it('import each other by package name, never by a path into another package', () => {
    const byPath = edges.filter((e) => e.specifier !== e.to && !e.specifier.startsWith(`${e.to}/`));
    expect(byPath.map(show)).toEqual([]);
  });

  it('import only the workspace packages they declare', () => {
    const undeclared = edges.filter((e) => !declared(manifestOf(e.from)).has(e.to));
    expect(undeclared.map((e) => `${show(e)} (${e.from}/package.json does not declare ${e.to})`)).toEqual([]);
  });

  it('declare every npm package they import (shared tools may come from the root package.json)', () => {
    const root = declared(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')));
    const problems: string[] = [];
    for (const m of modules) {
      for (const d of m.dependencies) {
        // A package of types only (geojson → @types/geojson) has nothing to resolve; the bundler erases it.
        const typesOnly = d.couldNotResolve && declared(manifestOf(packageOf(m.source)!)).has(`@types/${npmName(d.module)}`);
        if (d.couldNotResolve && !typesOnly) problems.push(`${m.source} → '${d.module}' does not resolve`);
        else if (d.dependencyTypes.some((t) => t === 'npm-no-pkg' || t === 'npm-unknown') && !root.has(npmName(d.module))) {
          problems.push(`${m.source} → '${d.module}' is not in ${packageOf(m.source)}/package.json`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('declare no dependency they never import (knip for npm packages, the import graph for workspace packages)', () => {
    let report: string;
    try {
      report = execFileSync(join(ROOT, 'tests/node_modules/.bin/knip'), ['--include', 'dependencies', '--reporter', 'json', '--no-progress'], { cwd: ROOT, encoding: 'utf8' });
    } catch (err) {
      // knip exits 1 when it finds something; its report is on stdout all the same.
      report = (err as { stdout?: string }).stdout ?? '';
      if (!report) throw err;
    }
    const issues = (JSON.parse(report) as { issues: { file: string; dependencies: { name: string }[]; devDependencies: { name: string }[] }[] }).issues;
    const unusedNpm = issues.flatMap((i) => [...i.dependencies, ...i.devDependencies].map((d) => `${i.file}: ${d.name}`));
    const unusedWorkspace = PACKAGES.flatMap((p) =>
      [...declared(manifestOf(p))]
        .filter((dep) => (PACKAGES as readonly string[]).includes(dep) && !edges.some((e) => e.from === p && e.to === dep))
        .map((dep) => `${p}/package.json: ${dep}`),
    );
    expect([...new Set([...unusedNpm, ...unusedWorkspace])]).toEqual([]);
  });
});

describe('the domain package', () => {
  it('imports nothing of Node (it runs in the browser too)', () => {
    const core = modules
      .filter((m) => packageOf(m.source) === 'domain')
      .flatMap((m) => m.dependencies.filter((d) => d.coreModule).map((d) => `${m.source} → '${d.module}'`));
    expect(core).toEqual([]);
  });
});

describe('the browser bundle', () => {
  /** npm packages of the server side that the console does not declare itself. */
  const serverOnlyNpm = () => {
    const web = declared(manifestOf('web'));
    return new Set(
      (['db', 'api', 'geodata'] as const)
        .flatMap((p) => Object.keys(manifestOf(p).dependencies ?? {}))
        .filter((n) => !web.has(n) && !(PACKAGES as readonly string[]).includes(n)),
    );
  };

  it('reaches no Node module, database, API or generator code from any console module (type-only imports aside)', () => {
    const server = serverOnlyNpm();
    // Every module under web/src is browser code (plug-ins come in through import.meta.glob, which no graph sees).
    const entries = modules.map((m) => m.source).filter((s) => s.startsWith('web/src/') && !/\.test\.tsx?$/.test(s));
    const bad = runtimeReach(modules, entries).filter((r) => {
      const pkg = packageOf(r.module);
      return r.core || pkg === 'db' || pkg === 'api' || pkg === 'geodata' || (r.module.includes('node_modules/') && server.has(npmName(r.specifier)));
    });
    expect(bad.map((r) => r.via.join(' → '))).toEqual([]);
  });

  /** Strings only server code carries: a Node core module by name, driver and server-library names, our SQL. */
  const TELL_TALES = [/["'`]node:[a-z_/]+["'`]/, /pg-protocol|pg-pool|pglite|drizzle/i, /ST_AsMVT|jsonb_to_recordset|FROM admin_area/, /Context is not finalized/];

  it('holds none of it once built (web/dist)', () => {
    buildIfStale();
    const dir = join(ROOT, 'web/dist/assets');
    const found = readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => {
        const text = readFileSync(join(dir, f), 'utf8');
        return TELL_TALES.filter((re) => re.test(text)).map((re) => `${f}: ${re}`);
      });
    expect(found).toEqual([]);
  });
});
