import type { MachineInfo } from './machine-info.js';

/** One row of benchmarks/results/latest.json; fields are present as they apply to the scenario. */
export interface BenchResult {
  scenario: 'score' | 'parse' | 'e2e' | 'memory' | 'scaling';
  /** What the row measures, in a few words (`score 1,000 rules`, `parse xfwb`). */
  name: string;
  engine?: 'compiled' | 'hand-indexed' | 'json-rules-engine' | 'zen-engine' | 'json-logic-engine';
  /** How the engine was driven, where one engine is run two ways (`direct`, `cargorisk reference`). */
  variant?: string;
  explain?: boolean;
  reader?: 'fast' | 'fast-xml-parser' | 'JSON.parse' | 'v8.deserialize';
  format?: string;
  rules?: number;
  /** Consignments in the measured data. */
  consignments?: number;
  /** Bytes of input measured. */
  bytes?: number;
  consignmentsPerSec?: number;
  mbPerSec?: number;
  peakRssMb?: number;
  /** Against the row's baseline, named in `ratioTo` (for engines: compiled ÷ this engine; for readers: fast ÷ reference). */
  ratio?: number;
  ratioTo?: string;
  /** A target from the brief and whether this run met it. */
  target?: string;
  met?: boolean;
  /** Relative median absolute deviation of the timed samples: how noisy the figure is. */
  noise?: number;
  /** Set when the scenario could not run, with the reason; no figure is given then. */
  skipped?: string;
  /** Set when a correctness check before timing failed (engines or readers disagree): no figure. */
  failed?: string;
  notes?: string;
  /** How the engine or reader was driven: the same for every row of it, printed once per scenario. */
  method?: string;
}

export interface BenchReport {
  machine: MachineInfo;
  date: string;
  quick: boolean;
  /** Wall time of the whole run, seconds. */
  durationSec: number;
  results: BenchResult[];
}
