import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../../packages/cli/src/bin.ts', import.meta.url));
const RULESET = fileURLToPath(new URL('../ruleset.json', import.meta.url));

/** Runs the real `cargorisk` command, as a rule author does in a terminal or in CI. */
async function cargorisk(args: string[]) {
  return promisify(execFile)(process.execPath, ['--conditions', '@cargorisk/source', '--import', 'tsx', BIN, ...args], {
    cwd: ROOT,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe('custom-pack example', { timeout: 120_000 }, () => {
  it('loads without errors or warnings under rules check --strict', async () => {
    const run = await cargorisk(['rules', 'check', '--strict', RULESET]);
    expect(run.stdout).toMatch(/ruleset\.json: ok, counterfeit-luxury 2026\.11\.0, 3 rules, 0 warnings/);
    expect(run.code).toBe(0);
  });

  it('passes its own rule tests on both engines', async () => {
    for (const engine of ['compiled', 'reference']) {
      const run = await cargorisk(['rules', 'test', RULESET, '--engine', engine]);
      expect(run.stdout).not.toContain('FAIL');
      expect(run.stdout).toMatch(new RegExp(`^[1-9]\\d* passed, 0 failed \\(1 file, ${engine} engine\\)$`, 'm'));
      expect(run.code).toBe(0);
    }
  });
});
