import { fstatSync, readFileSync, statSync } from 'node:fs';

/**
 * True when descriptor `fd` looks like a standard stream that was closed when the command
 * started (`trace … >&-`). Node reopens a closed standard descriptor on /dev/null, read-write,
 * before any code runs, so every write "succeeds" and nothing is written. A shell's
 * `> /dev/null` opens it write-only; only the read-write /dev/null is taken for a closed
 * stream. Linux only (it reads /proc/self/fdinfo); elsewhere this answers false.
 */
export function isReopenedDevNull(fd: number): boolean {
  try {
    const stats = fstatSync(fd);
    if (!stats.isCharacterDevice() || stats.rdev !== statSync('/dev/null').rdev) return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    // O_ACCMODE is 3; O_RDWR is 2.
    return flags !== null && (parseInt(flags[1], 8) & 3) === 2;
  } catch {
    return false;
  }
}
