/** [generatedColumn, sourceIndex (−1: none), originalLine, originalColumn, nameIndex (−1: none)] */
export type Segment = [number, number, number, number, number];
/** Decodes a v3 source map's `mappings` into segments per generated line. */
export function decodeMappings(mappings: string): Segment[][];
