/**
 * What the production build is made from, and a digest of it: the sources of every workspace package, the
 * migrations, the manifests and the lockfile. Test files are left out (they do not change what is built).
 * `pnpm start` compares this digest with the one the last build recorded to decide whether to build again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIP_DIRS = new Set(['node_modules', 'dist', '.data', 'test-output', 'bench']);
const isTest = (name) => /\.test\.[cm]?[jt]sx?$/.test(name) || /\.fixtures\.[jt]s$/.test(name);

/** Workspace packages from pnpm-workspace.yaml (simple `- name` entries), except the test suite. */
export function workspacePackages(root) {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const block = yaml.split(/^packages:\s*$/m)[1] ?? '';
  const names = [];
  for (const line of block.split('\n')) {
    const m = /^\s+-\s+['"]?([^'"\s]+)['"]?\s*$/.exec(line);
    if (m) names.push(m[1]);
    else if (/^\S/.test(line)) break;
  }
  return names.filter((n) => n !== 'tests');
}

function walk(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name) && !name.startsWith('.')) walk(path, out);
    } else if (!isTest(name)) out.push(path);
  }
}

/** Every input file, sorted; empty when the sources are not here (an image that holds only the built output). */
export function buildInputs(root) {
  const files = [];
  for (const pkg of workspacePackages(root)) {
    const dir = join(root, pkg);
    if (!existsSync(dir)) continue;
    for (const sub of ['src', 'build', 'index.html', 'vite.config.ts', 'public', 'package.json', 'tsconfig.json']) {
      const p = join(dir, sub);
      if (!existsSync(p)) continue;
      if (statSync(p).isDirectory()) walk(p, files);
      else files.push(p);
    }
  }
  for (const top of ['migrations', 'package.json', 'pnpm-lock.yaml', 'tsconfig.base.json', 'scripts/build']) {
    const p = join(root, top);
    if (!existsSync(p)) continue;
    if (statSync(p).isDirectory()) walk(p, files);
    else files.push(p);
  }
  return files.sort();
}

export function digestOf(root, files) {
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return hash.digest('hex');
}

/** Whether the sources are here at all (a development checkout) or only the built output (an image). */
export const hasSources = (root) => existsSync(join(root, 'api', 'src', 'main.ts'));
