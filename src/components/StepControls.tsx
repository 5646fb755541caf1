import { useEffect } from 'react';
import { PHASES } from '../core/step-plan.ts';
import { withNotation } from '../core/notation-labels.ts';
import { describePosition, PHASE_TITLES } from '../view/describe-event.ts';
import { Icon } from './Icon.tsx';
import { useNotation } from './notation-context.tsx';
import { useAppStore, useAppStoreApi } from './use-app-store.ts';

const SPEEDS = [1, 2, 4, 8, 16, 32];

/** Step through one iteration: back, forward, jump to each phase, play at a speed, scrub; then the next iteration. */
export function StepControls() {
  const store = useAppStoreApi();
  const { notation } = useNotation();
  const s = useAppStore((st) => ({
    position: st.position,
    playing: st.playing,
    speed: st.speed,
    // the names the caption uses (a drag changes values, not names: the settled scenario spares a render per frame)
    scenario: st.settled.scenario,
    stepForward: st.stepForward,
    restartIteration: st.restartIteration,
    stepBack: st.stepBack,
    jumpToPhase: st.jumpToPhase,
    setPosition: st.setPosition,
    setPlaying: st.setPlaying,
    setSpeed: st.setSpeed,
    nextIteration: st.nextIteration,
    followStep: st.followStep,
    setFollowStep: st.setFollowStep,
    showZ: st.showZ,
    setShowZ: st.setShowZ,
  }));
  const plan = store.selectors.plan(store.getState());
  const total = plan.events.length;
  const done = s.position >= total;

  useEffect(() => {
    if (!s.playing) return;
    const timer = window.setInterval(() => {
      const st = store.getState();
      if (st.position >= store.selectors.plan(st).events.length) st.setPlaying(false);
      else st.stepForward();
    }, 1000 / s.speed);
    return () => window.clearInterval(timer);
  }, [s.playing, s.speed, store]);

  return (
    <div className="step-controls" role="group" aria-label="Step through one iteration">
      <div className="step-buttons">
        <button
          type="button"
          onClick={s.restartIteration}
          disabled={s.position === 0}
          aria-label="Back to the start of the iteration"
          title="Start"
        >
          <Icon name="start" />
        </button>
        <button
          type="button"
          onClick={s.stepBack}
          disabled={s.position === 0}
          aria-label="Step back"
          title="Step back (←)"
          data-testid="step-back"
        >
          <Icon name="back" />
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => s.setPlaying(!s.playing)}
          disabled={done && !s.playing}
          aria-label={s.playing ? 'Pause' : 'Play'}
          title="Play / pause (space)"
          data-testid="play"
        >
          <Icon name={s.playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          onClick={s.stepForward}
          disabled={done}
          aria-label="Step forward"
          title="Step forward (→)"
          data-testid="step-forward"
        >
          <Icon name="forward" />
        </button>
        <button
          type="button"
          onClick={() => s.jumpToPhase('end')}
          disabled={done}
          aria-label="Jump to the end of the iteration"
          title="End"
        >
          <Icon name="end" />
        </button>
        <select
          aria-label="Speed in steps per second"
          value={s.speed}
          onChange={(e) => s.setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}/s
            </option>
          ))}
        </select>
      </div>
      <div className="phase-buttons" role="group" aria-label="Jump to a phase">
        {PHASES.map((phase) => {
          const start = plan.phaseStart[phase];
          const end = phase === 'update' ? total : plan.phaseStart[PHASES[PHASES.indexOf(phase) + 1]];
          const active = s.position >= start && s.position < end && !(phase === 'update' && start === total);
          return (
            <button
              key={phase}
              type="button"
              className={active ? 'phase active' : 'phase'}
              aria-pressed={active}
              onClick={() => s.jumpToPhase(phase)}
              data-testid={`phase-${phase}`}
              title={`Jump to the start of the ${PHASE_TITLES[phase].toLowerCase()}`}
            >
              {PHASE_TITLES[phase].replace(' pass', '')}
            </button>
          );
        })}
        <button
          type="button"
          className="phase next"
          onClick={s.nextIteration}
          disabled={!done}
          title="Continue from the updated parameters"
          data-testid="next-iteration"
        >
          Next iteration
        </button>
      </div>
      <div className="step-options">
        <label title="Stepping selects what the step computed, so the math panel shows its formula">
          <input
            type="checkbox"
            checked={s.followStep}
            onChange={(e) => s.setFollowStep(e.target.checked)}
            data-testid="follow-step"
          />{' '}
          math follows the step
        </label>
        <label title="Show each node's pre-activation z beside its value a">
          <input
            type="checkbox"
            checked={s.showZ}
            onChange={(e) => s.setShowZ(e.target.checked)}
            data-testid="show-z"
          />{' '}
          show z
        </label>
      </div>
      <label className="scrubber">
        <span className="visually-hidden">Position in the iteration</span>
        <input
          type="range"
          min={0}
          max={total}
          value={s.position}
          onChange={(e) => s.setPosition(Number(e.target.value))}
          data-testid="scrubber"
        />
      </label>
      <output className="step-caption" aria-live="polite" data-testid="step-caption">
        <span className="step-count">
          {s.position}/{total}
        </span>{' '}
        {describePosition(withNotation(s.scenario, notation), plan.events, s.position)}
      </output>
    </div>
  );
}
