import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/*
 * The memory scenario measures the library as a user runs it: plain `node` on the packages' built
 * JavaScript, with no TypeScript loader in the process (tsx runs its loader hooks in a worker thread
 * with a V8 heap of its own, some 45 MB of RSS that is no part of cargorisk). This prepares that
 * run: the packages the pipeline loads are rebuilt with their own `build` (tsc) when any source file
 * is newer than their `dist`, and the child harness is transpiled to JavaScript beside the suite,
 * where `@cargorisk/*` resolve to the built packages as they do for a user.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
/** The packages the streaming pipeline loads, in build order. */
const PACKAGES = ['manifest', 'core', 'rules'] as const;
/** The child and the harness files it imports (each imports only packages, or one another). */
const CHILD_FILES = ['stream-pipeline-child.ts', 'cargorisk-scorer.ts', 'default-packs.ts', 'pipeline.ts'] as const;
// Under benchmarks/results/tmp (git-ignored), so that package names resolve from benchmarks/node_modules.
const OUT_DIR = path.resolve(here, '../../results/tmp/memory-child');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function isStale(pkg: string): boolean {
  const dir = path.join(root, 'packages', pkg);
  let built: number;
  try {
    built = statSync(path.join(dir, 'dist/index.js')).mtimeMs;
  } catch {
    return true;
  }
  return newestMtime(path.join(dir, 'src')) > built;
}

/** Rebuilds the packages whose `dist` is missing or older than their source; returns those rebuilt. */
export function ensureBuilt(): string[] {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const rebuilt: string[] = [];
  for (const pkg of PACKAGES) {
    if (!isStale(pkg)) continue;
    const dir = path.join(root, 'packages', pkg);
    const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) {
      const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(0, 3).join(' ');
      throw new Error(`building @cargorisk/${pkg} failed (tsc exited with ${r.status}): ${output}`);
    }
    rebuilt.push(`@cargorisk/${pkg}`);
  }
  return rebuilt;
}

/** Writes the child harness as JavaScript; returns the path to run with `node`. */
export function transpileChild(): string {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  for (const name of CHILD_FILES) {
    const { outputText } = ts.transpileModule(readFileSync(path.join(here, name), 'utf8'), {
      fileName: name,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2023,
        verbatimModuleSyntax: true,
      },
    });
    writeFileSync(path.join(OUT_DIR, name.replace(/\.ts$/, '.js')), outputText);
  }
  return path.join(OUT_DIR, 'stream-pipeline-child.js');
}

export function removeTranspiledChild(): void {
  rmSync(OUT_DIR, { recursive: true, force: true });
}
