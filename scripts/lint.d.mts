/** The tools `npm run lint` runs side by side, with their arguments. */
export declare const STEPS: readonly (readonly [name: string, args: readonly string[]])[];
