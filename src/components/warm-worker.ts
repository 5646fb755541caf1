/** The part of a Web Worker the page uses to train (a fake in tests). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
}

/**
 * Keeps one training worker warm between runs: started before the first run (at idle after
 * the first paint), lent to a run, and taken back when the run finishes, so a run pays for no
 * worker start-up, module load or engine warm-up. A stopped run's worker is terminated (that is
 * how Stop ends a run at once), and a fresh one is started for the next.
 */
export interface WarmWorker {
  /** starts the idle worker if there is none, and sends it `message` (a warm-up) */
  prepare(message?: unknown): void;
  /** the idle worker for a run (a new one when there is none); null where workers are missing */
  take(): WorkerLike | null;
  /** a run's worker back after its last report: it becomes the idle one */
  give(worker: WorkerLike): void;
  /** ends the idle worker */
  dispose(): void;
}

export function createWarmWorker(spawn: () => WorkerLike | null): WarmWorker {
  let idle: WorkerLike | null = null;
  return {
    prepare(message) {
      idle ??= spawn();
      if (idle !== null && message !== undefined) idle.postMessage(message);
    },
    take() {
      const worker = idle ?? spawn();
      idle = null;
      return worker;
    },
    give(worker) {
      worker.onmessage = null;
      if (idle === null) idle = worker;
      else if (idle !== worker) worker.terminate();
    },
    dispose() {
      idle?.terminate();
      idle = null;
    },
  };
}
