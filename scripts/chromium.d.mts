/** The Chromium binary the browser runs use (CHROMIUM_PATH, else Debian's /usr/bin/chromium). */
export const CHROMIUM_PATH: string;
/** The launch flags every headless run uses. */
export const CHROMIUM_ARGS: readonly string[];
