import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe("the README's first use", { timeout: 120_000 }, () => {
  it('prints exactly the output the README shows', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions', '@cargorisk/source', '--import', 'tsx', 'examples/embed/src/readme-first-use.ts'],
      { cwd: ROOT },
    );
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const shown = /```text first-use\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(shown).toBeDefined();
    expect(stdout).toBe(shown);
    expect(readme).toContain(
      readFileSync(`${ROOT}examples/embed/src/readme-first-use.ts`, 'utf8').split('\n').slice(1).join('\n').trim(),
    );
  });
});
