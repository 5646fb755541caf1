// Text the trace command writes to a terminal comes partly from the user: a file name, a
// scenario's field, a snippet of a file that is not JSON. A terminal obeys control characters
// (ESC starts sequences that move the cursor, retitle the window, rewrite the screen), so every
// message goes through this one function at the boundary.

// C0 controls, DEL, C1 controls (U+009B is a one-character CSI), line and paragraph separators,
// and the bidirectional controls that reorder what is displayed.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character written as a visible escape (`\x1b`, `\u202e`), so one message is one plain line. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}
