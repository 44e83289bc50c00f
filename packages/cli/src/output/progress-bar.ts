import { formatCount } from './terminal-text.js';

const REDRAW_MS = 200;
const WIDTH = 24;

/**
 * A one-line progress bar on a terminal's stderr: bytes read of the total when the size is known
 * (files), the consignment count and rate always. Redrawn at most five times a second, and wiped
 * before anything else is printed, so it never mixes with the output.
 */
export class ProgressBar {
  private bytes = 0;
  private consignments = 0;
  private lastDraw = performance.now();
  private drawn = false;
  private readonly started = performance.now();

  constructor(
    /** Where the bar goes: the same queue as the other stderr text, so lines never interleave. */
    private readonly write: (text: string) => void,
    private readonly totalBytes: number | undefined,
  ) {}

  addBytes(n: number): void {
    this.bytes += n;
  }

  tick(consignments = 1): void {
    this.consignments += consignments;
    const now = performance.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.draw(now);
  }

  private draw(now: number): void {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? this.consignments / seconds : 0;
    let bar = '';
    if (this.totalBytes !== undefined && this.totalBytes > 0) {
      const done = Math.min(1, this.bytes / this.totalBytes);
      const filled = Math.round(done * WIDTH);
      bar = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(done * 100).toFixed(0).padStart(3)}%  `;
    }
    this.write(
      `\r${bar}${formatCount(this.consignments)} consignment${this.consignments === 1 ? '' : 's'}, ${formatCount(rate)}/s\u001b[K`,
    );
    this.drawn = true;
  }

  /** Wipes the bar; call before printing anything else on the same stream. */
  clear(): void {
    if (!this.drawn) return;
    this.write('\r\u001b[K');
    this.drawn = false;
  }
}
