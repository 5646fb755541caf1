// `npm run --silent trace -- …`: the trace command on the process's own streams.
import { isReopenedDevNull } from './stdout-closed.ts';
import { traceMain } from './trace-main.ts';

process.exitCode = await traceMain({
  argv: process.argv.slice(2),
  // A relative path is taken from the directory the command was started in (npm sets INIT_CWD).
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stdoutClosed: isReopenedDevNull(1),
});
