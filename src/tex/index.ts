/** TeX builders for the math panel: pure functions from core numbers to TeX strings. */
export { buildDerivation } from './derivation.ts';
export type { DerivationInput, TexContext } from './context.ts';
export { texContext } from './context.ts';
export type { Derivation, Line, Quantity, Section } from './line.ts';
export { shownMagnitude, shownValue } from './line.ts';
export { digitsForDifference, digitsForSum, formatNumber, formatOperand, DEFAULT_DIGITS } from './format-number.ts';
export { nameTex } from './name-tex.ts';
export { escapeTex, type TexMode } from './escape-tex.ts';
export { katexOptions, testOptions, type TexRenderOptions } from './katex-options.ts';
export { activationLine, dadzLine } from './activation-tex.ts';
export { deltaDetailLines, deltaLines, dLdaLine, outputGradientLine, recursiveLine } from './delta-tex.ts';
export {
  batchLines,
  chainRuleLine,
  factorLines,
  gradientSections,
  pathLines,
  recursiveLines,
  type ParamSelection,
} from './param-gradient.ts';
export { inputLine, nodeSections, preActivationLine } from './node-derivation.ts';
export { lossFormulaLine, lossSections, reductionLine, sampleLossLine } from './loss-derivation.ts';
export { updateLines, updateSection } from './update-rule.ts';
export { gradCheckLines, gradCheckSection } from './grad-check-tex.ts';
