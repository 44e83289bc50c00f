/** A line of text and its 1-based number. */
export interface Line {
  text: string;
  number: number;
}

/**
 * Splits a byte stream into UTF-8 lines (LF or CRLF) as they arrive. A line longer than `maxLength`
 * bytes is yielded as `tooLong` instead of being held, so one endless line cannot exhaust memory.
 */
export async function* readLines(
  source: AsyncIterable<Uint8Array>,
  maxLength = 64 * 1024 * 1024,
): AsyncGenerator<Line | { tooLong: true; number: number }> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let pending = '';
  let number = 0;
  let skipping = false;
  for await (const chunk of source) {
    pending += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (;;) {
      const nl = pending.indexOf('\n', start);
      if (nl < 0) break;
      number++;
      if (skipping) skipping = false;
      else yield { text: pending.slice(start, nl).replace(/\r$/, ''), number };
      start = nl + 1;
    }
    pending = pending.slice(start);
    if (pending.length > maxLength) {
      if (!skipping) yield { tooLong: true, number: number + 1 };
      skipping = true;
      pending = '';
    }
  }
  pending += decoder.decode();
  if (pending !== '' && !skipping) yield { text: pending.replace(/\r$/, ''), number: number + 1 };
}
