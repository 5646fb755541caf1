/** What the schema test needs to know of one published schema (public/NAME.schema.json). */
export interface SchemaCases {
  /** the format name the document declares, and the schema's title */
  readonly format: string;
  /** valid documents that between them use every form the format allows */
  readonly valid: readonly Record<string, unknown>[];
  /** documents the app rejects for a reason the schema can see too, each with what is wrong */
  readonly invalid: readonly (readonly [string, Record<string, unknown>])[];
  /** the app's own reader: whether it accepts the document, and what it writes back when it does */
  readonly read: (doc: unknown) => { ok: true; written: unknown } | { ok: false };
}
