import type { CodecError } from './codec-result.ts';
import { ROOT } from './json-path.ts';

/** Beyond this many errors a document is hopeless: the rest are counted (to tell a read failed), not kept. */
export const MAX_ERRORS = 100;

/** Collects the errors of one reading; keeps at most MAX_ERRORS of them, then says it stopped. */
export class ErrorList {
  private readonly kept: CodecError[] = [];
  private total = 0;

  add(path: string, message: string): void {
    this.total++;
    if (this.kept.length < MAX_ERRORS) this.kept.push({ path, message });
  }

  /** Every error reported so far, kept or not; compare before and after a read to see if it failed. */
  get count(): number {
    return this.total;
  }

  /** True once further errors would not be kept, so long walks can stop early. */
  get isFull(): boolean {
    return this.total >= MAX_ERRORS;
  }

  toArray(): CodecError[] {
    const errors = this.kept.slice();
    if (this.isFull) errors.push({ path: ROOT, message: `too many errors: stopped after the first ${MAX_ERRORS}` });
    return errors;
  }
}
