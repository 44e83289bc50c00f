/** Bounds on what one input may make the reader do. Every reader honours them. */
export interface ParseLimits {
  /**
   * Largest input `parseManifest` accepts in memory; larger inputs belong to `readConsignments`,
   * which streams.
   * @default 67_108_864 (64 MiB)
   */
  maxBytes: number;
  /**
   * Deepest element or array nesting.
   * @default 64
   */
  maxDepth: number;
  /**
   * Most goods items in one consignment; past it the consignment is reported, not truncated.
   * @default 10_000
   */
  maxItemsPerConsignment: number;
  /**
   * Longest text value (a description, a name) in characters.
   * @default 100_000
   */
  maxTextLength: number;
}

export const DEFAULT_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxBytes: 64 * 1024 * 1024,
  maxDepth: 64,
  maxItemsPerConsignment: 10_000,
  maxTextLength: 100_000,
});

export function resolveLimits(limits: Partial<ParseLimits> | undefined): ParseLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}
