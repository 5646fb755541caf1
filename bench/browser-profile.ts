/**
 * Reading what the browser bench recorded: a V8 CPU profile (DevTools `Profiler`) with its
 * minified positions mapped back to the sources through the build's source maps, and a
 * DevTools timeline trace (`Tracing`) summed into self time per event kind (script, style,
 * layout, paint, …) on the renderer's main thread.
 */
import { decodeMappings } from '../scripts/source-map-vlq.mjs';

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileRow {
  /** "name (file:line)" in the sources, or V8's own label such as "(garbage collector)" */
  readonly fn: string;
  readonly selfMs: number;
  /** share of the non-idle samples */
  readonly share: number;
}

interface RawSourceMap {
  sources: string[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
}

interface Mapper {
  /** the source location of a generated (0-based) line and column, with a function name if one can be found */
  at(line: number, column: number): string | null;
}

function shortSource(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) return source.slice(nm + 'node_modules/'.length);
  const src = source.lastIndexOf('/src/');
  return src >= 0 ? source.slice(src + 1) : source.replace(/^(\.\.\/)+/, '');
}

const KEYWORDS = new Set([
  'function',
  'if',
  'for',
  'while',
  'switch',
  'return',
  'catch',
  'new',
  'typeof',
  'async',
  'await',
]);

function makeMapper(raw: RawSourceMap): Mapper {
  const lines = decodeMappings(raw.mappings);
  const sourceLines = new Map<number, string[]>();
  const lineText = (src: number, line: number): string => {
    let ls = sourceLines.get(src);
    if (!ls) {
      ls = (raw.sourcesContent?.[src] ?? '').split('\n');
      sourceLines.set(src, ls);
    }
    return ls[line] ?? '';
  };
  return {
    at(line, column) {
      const segs = lines[line];
      if (!segs || segs.length === 0) return null;
      let lo = 0;
      let hi = segs.length - 1;
      let best = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (segs[mid][0] <= column) {
          best = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (best < 0) best = 0;
      const seg = segs[best];
      if (seg[1] < 0) return null;
      // V8 gives a function's position as that of its name (or of its parameters when it has
      // none); the segment there, or one just after, carries the original name.
      let name = '';
      for (let k = best; k < Math.min(segs.length, best + 3); k++) {
        if (segs[k][4] >= 0 && segs[k][1] === seg[1]) {
          name = raw.names[segs[k][4]];
          break;
        }
      }
      if (!name) {
        // No name in the map: read one from the original text at that position.
        const text = lineText(seg[1], seg[2]).slice(seg[3]);
        const m = /^(?:async\s+)?(?:function\*?\s*)?([A-Za-z_$][\w$]*)\s*(?:\(|=|:)/.exec(text);
        if (m && !KEYWORDS.has(m[1])) name = m[1];
      }
      return `${name || '(anonymous)'} (${shortSource(raw.sources[seg[1]])}:${seg[2] + 1})`;
    },
  };
}

/**
 * Self time per function of a CPU profile, heaviest first. Frames of the app's scripts are
 * named through `maps` (script file name → its parsed source map); "(idle)" is left out of
 * the shares.
 */
export function attributeProfile(profile: CpuProfile, maps: Map<string, { map: unknown }>, top = 15): ProfileRow[] {
  const mappers = new Map<string, Mapper>();
  const nodeById = new Map<number, CpuProfileNode>();
  for (const n of profile.nodes) nodeById.set(n.id, n);
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const dt = deltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + dt);
  }
  const byFn = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const n = nodeById.get(id);
    if (!n) continue;
    const { functionName, url, lineNumber, columnNumber } = n.callFrame;
    let label = functionName || '(anonymous)';
    if (url) {
      const file = url.slice(url.lastIndexOf('/') + 1);
      const entry = maps.get(file);
      if (entry) {
        let m = mappers.get(file);
        if (!m) {
          m = makeMapper(entry.map as RawSourceMap);
          mappers.set(file, m);
        }
        label = m.at(lineNumber, columnNumber) ?? `${label} (${file}:${lineNumber + 1}:${columnNumber + 1})`;
      } else {
        label = `${label} (${file || url}:${lineNumber + 1})`;
      }
    }
    byFn.set(label, (byFn.get(label) ?? 0) + us);
    if (label !== '(idle)') total += us;
  }
  return [...byFn]
    .filter(([fn]) => fn !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => ({ fn, selfMs: us / 1000, share: total > 0 ? us / total : 0 }));
}

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: unknown };
}

export interface TraceSummary {
  /** the timed windows (edit dispatched → first task after its frame) found in the trace */
  readonly windows: number;
  /** their total length, ms */
  readonly windowMs: number;
  /** self time (ms) per timeline event name on the renderer main thread inside the windows, heaviest first */
  readonly selfMs: { readonly name: string; readonly ms: number }[];
}

/** What a timeline event is, for the report. */
export const TIMELINE_NAMES: Readonly<Record<string, string>> = {
  FunctionCall: 'script (function calls)',
  EventDispatch: 'script (event dispatch: the pointermove handler)',
  FireAnimationFrame: 'requestAnimationFrame callbacks',
  RunMicrotasks: 'microtasks (React re-render of store subscribers)',
  TimerFire: 'timers',
  UpdateLayoutTree: 'style recalculation',
  Layout: 'layout',
  PrePaint: 'pre-paint (paint properties, invalidation)',
  Paint: 'paint (display list recording)',
  Layerize: 'layerize',
  Commit: 'commit to the compositor',
  ParseHTML: 'HTML parsing (innerHTML)',
  HitTest: 'hit testing',
  RunTask: 'task overhead',
  MinorGC: 'GC (minor)',
  MajorGC: 'GC (major)',
};

/**
 * Self time per event name on the renderer main thread inside the timed windows — from each
 * user-timing mark `bench-edit-start` to the next `bench-edit-end` — or, without marks, over
 * the whole trace. Complete events ('X') only; nesting is resolved per thread, so a forced
 * layout inside a script counts as layout, not as script. V8's own GC phases are summed as
 * one "V8 GC" row.
 */
export function summarizeTrace(events: readonly TraceEvent[]): TraceSummary {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      counts.set(`${e.pid}:${e.tid}`, 0);
  }
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && counts.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let main: { pid: number; tid: number } | null = null;
  let bestCount = -1;
  for (const [key, n] of counts) {
    if (n > bestCount) {
      bestCount = n;
      const [pid, tid] = key.split(':').map(Number);
      main = { pid, tid };
    }
  }
  const onMain = (e: TraceEvent): boolean => main === null || (e.pid === main.pid && e.tid === main.tid);
  // The timed windows.
  const marks = events
    .filter((e) => (e.name === 'bench-edit-start' || e.name === 'bench-edit-end') && e.ph !== 'X')
    .sort((a, b) => a.ts - b.ts);
  const windows: [number, number][] = [];
  let open: number | null = null;
  for (const m of marks) {
    if (m.name === 'bench-edit-start') open = m.ts;
    else if (open !== null) {
      windows.push([open, m.ts]);
      open = null;
    }
  }
  const inWindow = (ts: number): boolean => {
    if (windows.length === 0) return true;
    let lo = 0;
    let hi = windows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (windows[mid][1] < ts) lo = mid + 1;
      else if (windows[mid][0] > ts) hi = mid - 1;
      else return true;
    }
    return false;
  };
  const xs = events
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number' && onMain(e))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string; child: number; dur: number; counted: boolean }[] = [];
  const pop = (): void => {
    const top = stack.pop();
    if (!top || !top.counted) return;
    const name = top.name.startsWith('V8.GC') ? 'V8 GC' : top.name;
    self.set(name, (self.get(name) ?? 0) + Math.max(0, top.dur - top.child));
  };
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) pop();
    const dur = e.dur ?? 0;
    if (stack.length) stack[stack.length - 1].child += dur;
    stack.push({ end: e.ts + dur, name: e.name, child: 0, dur, counted: inWindow(e.ts) });
  }
  while (stack.length) pop();
  const windowMs = windows.length
    ? windows.reduce((sum, [a, b]) => sum + (b - a), 0) / 1000
    : xs.length
      ? (xs[xs.length - 1].ts - xs[0].ts) / 1000
      : 0;
  return {
    windows: windows.length,
    windowMs,
    selfMs: [...self]
      .map(([name, us]) => ({ name, ms: us / 1000 }))
      .filter((r) => r.ms >= 0.05)
      .sort((a, b) => b.ms - a.ms),
  };
}
