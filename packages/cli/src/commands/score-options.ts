import type { ManifestFormat } from '@cargorisk/manifest';
import { oneOf, positiveInt } from '../args.js';
import type { Channel } from '../report/assessment-view.js';
import { FORMATS } from './formats.js';

/** The options `score`, `report` and the demo share, as node:util parseArgs declares them. */
export const SCORE_OPTIONS = {
  rules: { type: 'string', multiple: true },
  engine: { type: 'string' },
  seed: { type: 'string' },
  format: { type: 'string' },
  'min-channel': { type: 'string' },
  limit: { type: 'string' },
} as const;

export const SCORE_OPTIONS_HELP = `  --rules PACK|FILE   a rule pack id or a rule-set file; repeat for several
                      [default: the packs pegasus, global-shield and salw]
  --engine E          compiled (indexed, the default) or reference (json-rules-engine)
  --seed S            seed of the random selection, to replay an audit  [default: cargorisk]
  --format F          the input format instead of detecting it: ${FORMATS.join(', ')}
  --min-channel C     list consignments at or above green, blue, yellow or red  [default: yellow]
  --limit N           list at most N consignments in the table, json or report`;

export interface ScoreSettings {
  rules: string[] | undefined;
  engine: 'compiled' | 'reference';
  seed: string | undefined;
  format: ManifestFormat | undefined;
  minChannel: Channel;
  limit: number | undefined;
}

/** Checks the shared options; a bad value is a UsageError naming `command`. */
export function readScoreSettings(
  command: string,
  values: { [K in keyof typeof SCORE_OPTIONS]?: K extends 'rules' ? string[] : string },
): ScoreSettings {
  return {
    rules: values.rules,
    engine: oneOf(command, 'engine', values.engine, ['compiled', 'reference'], 'compiled'),
    seed: values.seed,
    format: values.format === undefined ? undefined : oneOf(command, 'format', values.format, FORMATS, 'json'),
    minChannel: oneOf(command, 'min-channel', values['min-channel'], ['green', 'blue', 'yellow', 'red'], 'yellow'),
    limit: values.limit === undefined ? undefined : positiveInt(command, 'limit', values.limit, 1),
  };
}
