/**
 * The API's production build: esbuild bundles our TypeScript (api, and the workspace packages it depends on: db,
 * domain, geodata) into plain ESM under api/dist: server.js, cluster.js, migrate.js, user-create.js,
 * export-pmtiles.js and shared chunks.
 * npm packages stay outside the bundle, loaded from node_modules as usual (production dependencies only, installed
 * with `pnpm install --prod --filter api...`). Since the bundle sits in api/ but an npm package may be declared by
 * db or geodata only (pnpm gives each package its own node_modules), api/dist/node_modules links each package the
 * bundle imports to where its declaring package has it (relative links, so the tree can be moved as a whole).
 *
 * Files read at run time beside the sources (migrations/*.sql, *.sql under src/) are copied under api/dist/app/
 * with their repository paths, and `import.meta.url` in each bundled module is rewritten to that module's own
 * path under api/dist/app/, so `new URL('./sql/x.sql', import.meta.url)` and '../../../migrations' still find
 * them. Every output file sits directly in api/dist/ (no chunk folders), so one relative path fits all.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

export const API_ENTRIES = {
  server: 'api/src/main.ts',
  cluster: 'api/src/cluster.ts',
  'export-pmtiles': 'api/src/tiles/export-cli.ts',
  migrate: 'api/src/cli/migrate.ts',
  'user-create': 'api/src/cli/user-create.ts',
};

const readManifest = (root, pkg) => JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8'));
const isWorkspace = (version) => String(version).startsWith('workspace:');

/** api and the workspace packages it depends on, directly or not. */
function workspaceClosure(root, start = 'api') {
  const seen = new Set();
  const visit = (pkg) => {
    if (seen.has(pkg)) return;
    seen.add(pkg);
    for (const [dep, version] of Object.entries(readManifest(root, pkg).dependencies ?? {})) if (isWorkspace(version)) visit(dep);
  };
  visit(start);
  return [...seen];
}

/** npm package → the workspace package that declares it (the first in the closure). */
function npmDependencies(root, closure) {
  const owner = new Map();
  for (const pkg of closure) {
    for (const [dep, version] of Object.entries(readManifest(root, pkg).dependencies ?? {})) if (!isWorkspace(version) && !owner.has(dep)) owner.set(dep, pkg);
  }
  return owner;
}

/** The package name of an import specifier: 'pg/lib/x' → 'pg', '@scope/a/b' → '@scope/a'. */
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** api/dist/node_modules/<name> → the declaring package's node_modules/<name>, for each npm package the bundle imports. */
function linkExternals(root, outdir, metafile, owner) {
  const names = new Set();
  for (const out of Object.values(metafile.outputs)) for (const imp of out.imports) if (imp.external && !imp.path.startsWith('node:') && owner.has(packageName(imp.path))) names.add(packageName(imp.path));
  for (const name of names) {
    const target = join(root, owner.get(name), 'node_modules', name);
    if (!existsSync(target)) continue; // optional (pg-native)
    const link = join(outdir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), realpathSync(target)), link, 'dir');
  }
  return names.size;
}

/** Resources copied beside the bundle: every .sql file under a package's src/, and migrations/. */
function copyResources(root, appDir, packages) {
  cpSync(join(root, 'migrations'), join(appDir, 'migrations'), { recursive: true });
  const visit = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'node_modules') visit(path);
      } else if (name.endsWith('.sql')) {
        const to = join(appDir, relative(root, path));
        mkdirSync(dirname(to), { recursive: true });
        cpSync(path, to);
      }
    }
  };
  for (const pkg of packages) {
    try {
      visit(join(root, pkg, 'src'));
    } catch {
      /* a package without src/ */
    }
  }
}

/** Rewrites import.meta.url to the module's mirrored location under dist/app/ (see the file comment). */
function sourceLocationPlugin(root, outdir) {
  return {
    name: 'source-location',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const mirrored = join(outdir, 'app', relative(root, args.path));
        const rel = './' + relative(outdir, mirrored).split(sep).join('/');
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

export async function buildApi(root, packages) {
  const require = createRequire(join(root, 'package.json'));
  const esbuild = await import(require.resolve('esbuild'));
  const outdir = join(root, 'api', 'dist');
  rmSync(outdir, { recursive: true, force: true });
  const owner = npmDependencies(root, workspaceClosure(root));
  const external = [...owner.keys()].flatMap((d) => [d, `${d}/*`]);
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: API_ENTRIES,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    // Optional native addon of pg; never installed here.
    external: [...external, 'pg-native'],
    // Bundled CommonJS code calls require() for Node's built-ins.
    banner: { js: "import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);" },
    plugins: [sourceLocationPlugin(root, outdir)],
    logLevel: 'warning',
    metafile: true,
  });
  copyResources(root, join(outdir, 'app'), packages);
  const linked = linkExternals(root, outdir, result.metafile, owner);
  const bytes = Object.values(result.metafile.outputs).reduce((s, o) => s + o.bytes, 0);
  return { files: Object.keys(result.metafile.outputs).length, bytes, linked };
}
