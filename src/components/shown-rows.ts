/**
 * The most sample rows a samples table draws: a file may hold 100,000 samples, and a row of
 * cells each would take the page's thread for seconds (and a DOM of millions of elements).
 * Past it a table shows this many and says which.
 */
export const SHOWN_ROWS = 200;
