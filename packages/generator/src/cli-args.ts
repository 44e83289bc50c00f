import { GeneratorError } from './errors.js';
import { type GenerateOptions, PLANT_PROFILES, type PlantProfile, type PlantSetting } from './options.js';

/** Reading the generate command's arguments; kept apart from cli.ts so it can be tested without running it. */

export function fail(message: string): never {
  throw new GeneratorError('invalid-options', message);
}

/** `1GB`, `500 KB`, `2MiB`, `12345` (bytes). */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?$/i.exec(text.trim());
  if (m === null) fail(`--size: cannot read "${text}" (try 500KB, 200MB, 1GB)`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const power = { b: 0, kb: 1, mb: 2, gb: 3, kib: 1, mib: 2, gib: 3 }[unit] ?? 0;
  const base = unit.includes('i') ? 1024 : 1000;
  return Math.round(Number(m[1]) * base ** power);
}

/** `pegasus=0.05,cites=3`: a number with a point is a rate, a whole number a count; `none` plants nothing. */
export function parsePlant(text: string): NonNullable<GenerateOptions['plant']> {
  if (text === 'none' || text === 'off') return false;
  const plant: Partial<Record<PlantProfile, PlantSetting>> = {};
  for (const part of text.split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (!name || value === undefined || !(PLANT_PROFILES as readonly string[]).includes(name)) {
      fail(`--plant: "${part}" is not profile=value (profiles: ${PLANT_PROFILES.join(', ')})`);
    }
    if (!/^\d+(\.\d+)?$/.test(value)) fail(`--plant: ${name}=${value} is not a number`);
    plant[name as PlantProfile] = value.includes('.') ? Number(value) : { count: Number(value) };
  }
  return plant;
}
