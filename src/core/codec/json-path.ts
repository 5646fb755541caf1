/** The path of the document itself. */
export const ROOT = '(root)';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The path of field `key` of the object at `parent`: `layers[0].size`, or `a["odd key"]`. */
export function fieldPath(parent: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${parent === ROOT ? '' : parent}[${JSON.stringify(key)}]`;
  return parent === ROOT ? key : `${parent}.${key}`;
}

/** The path of entry `index` of the array at `parent`: `weights[0][1]`. */
export function indexPath(parent: string, index: number): string {
  return `${parent === ROOT ? '' : parent}[${index}]`;
}
