/** Writes to the clipboard; false when the browser has no clipboard API, denies it, or does not answer. */
export async function copyText(text: string): Promise<boolean> {
  if (!window.isSecureContext || typeof navigator.clipboard?.writeText !== 'function') return false;
  try {
    const timeout = new Promise<never>((_, reject) => window.setTimeout(() => reject(new Error('no answer')), 2000));
    await Promise.race([navigator.clipboard.writeText(text), timeout]);
    return true;
  } catch {
    return false;
  }
}
