/** One problem found while reading a scenario: where (a JSON path) and what was expected. */
export interface CodecError {
  /** A JSON path in `a.b[0][1]` form; `(root)` for the document itself. */
  path: string;
  message: string;
}

/** Either the value read, or every problem found; never a half-read value. */
export type CodecResult<T> = { ok: true; value: T } | { ok: false; errors: CodecError[] };

export function codecOk<T>(value: T): CodecResult<T> {
  return { ok: true, value };
}

export function codecFail<T>(errors: CodecError[]): CodecResult<T> {
  return { ok: false, errors };
}

/** `"path: message"`, the one-line form shown to users and printed by the trace command. */
export function formatCodecError(error: CodecError): string {
  return `${error.path}: ${error.message}`;
}
