import type { Page } from 'playwright-core';

/** A point on the selected value's scrub label that the label itself receives; null when it is covered. */
export function scrubLabelPoint(page: Page): Promise<{ x: number; y: number } | null>;
