import {
  ACTIVATION_TYPES,
  LIMITS,
  LOSS_NAMES,
  OPTIMIZER_TYPES,
  REDUCTIONS,
  type ActivationType,
  type DenseLayer,
  type LossName,
  type OptimizerType,
  type Reduction,
} from '../core/scenario.ts';
import {
  withActivation,
  withLayerBias,
  withLayerInserted,
  withLayerRemoved,
  withLayerSize,
  withRegularization,
} from '../core/scenario-edits.ts';
import { EditableNumber } from './EditableNumber.tsx';
import { NotationSelect } from './NotationSelect.tsx';
import { optimizerOfType } from '../core/optimizer-of-type.ts';
import { activationOfType, optimizerFields } from './settings-options.ts';
import { useAppStore } from './use-app-store.ts';

/** Loss, reduction, optimizer and its parameters, and per layer its size, activation and bias. */
export function SettingsPanel({ onClose }: { onClose(): void }) {
  // settled: a drag on the diagram changes no setting, so the panel does not re-render on each of its frames
  const { scenario, change } = useAppStore((s) => ({ scenario: s.settled.scenario, change: s.changeScenario }));
  // A lesson link can fix the network's shape (hide=architecture): sizes shown, no +/−, no adding or removing layers.
  const fixedShape = useAppStore((s) => s.hidden.includes('architecture'));
  const depth = scenario.layers.length - 1;
  const opt = scenario.optimizer;
  return (
    <section className="settings panel" aria-label="Settings" data-testid="settings">
      <div className="panel-head">
        <h2>Settings</h2>
        <button type="button" className="icon-button" aria-label="Close the settings" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="settings-grid">
        <label>
          Notation
          <NotationSelect />
        </label>
        <label>
          Loss
          <select
            value={scenario.loss}
            onChange={(e) => change((s) => ({ ...s, loss: e.target.value as LossName }), 'Loss')}
            data-testid="setting-loss"
          >
            {LOSS_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Over the samples
          <select
            value={scenario.reduction ?? 'mean'}
            onChange={(e) => change((s) => ({ ...s, reduction: e.target.value as Reduction }), 'Reduction')}
          >
            {REDUCTIONS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Optimizer
          <select
            value={opt.type}
            onChange={(e) =>
              change(
                (s) => ({
                  ...s,
                  optimizer: optimizerOfType(
                    e.target.value as OptimizerType,
                    'learningRate' in s.optimizer ? s.optimizer.learningRate : 0.1,
                  ),
                }),
                'Optimizer',
              )
            }
            data-testid="setting-optimizer"
          >
            {OPTIMIZER_TYPES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {optimizerFields(opt).map((f) => (
          <div className="field" key={f.key}>
            <span>{f.key === 'learningRate' ? 'Learning rate η' : `${f.key} ${f.symbol}`}</span>
            <EditableNumber
              value={f.value}
              label={f.key}
              digits={6}
              testId={`setting-${f.key}`}
              onCommit={(v) =>
                change(
                  (s) => ({ ...s, optimizer: { ...s.optimizer, [f.key]: v } }),
                  f.key === 'learningRate' ? 'Learning rate' : f.key,
                )
              }
            />
          </div>
        ))}
        {(['l1', 'l2'] as const).map((key) => (
          <div className="field" key={key}>
            <span>{key === 'l1' ? 'L1 penalty λ₁' : 'L2 penalty λ₂'}</span>
            <EditableNumber
              value={scenario.regularization?.[key] ?? 0}
              label={key === 'l1' ? 'L1 penalty rate' : 'L2 penalty rate'}
              digits={6}
              testId={`setting-${key}`}
              onCommit={(v) => change((s) => withRegularization(s, key, v), key === 'l1' ? 'L1 penalty' : 'L2 penalty')}
            />
          </div>
        ))}
      </div>
      <h3>Layers</h3>
      <table className="layers-table">
        <thead>
          <tr>
            <th scope="col">layer</th>
            <th scope="col">nodes</th>
            <th scope="col">activation</th>
            <th scope="col">bias</th>
            <th scope="col">
              <span className="visually-hidden">actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {scenario.layers.map((layer, l) => {
            const dense = l > 0 ? (layer as DenseLayer) : null;
            return (
              <tr key={l}>
                <th scope="row">{l === 0 ? 'input' : l === depth ? 'output' : `hidden ${l}`}</th>
                <td>
                  <span className="stepper">
                    {!fixedShape && (
                      <button
                        type="button"
                        aria-label={`One node fewer in layer ${l}`}
                        disabled={layer.size <= 1}
                        onClick={() => change((s) => withLayerSize(s, l, layer.size - 1), `Layer ${l} size`)}
                      >
                        −
                      </button>
                    )}
                    <span data-testid={`layer-size-${l}`}>{layer.size}</span>
                    {!fixedShape && (
                      <button
                        type="button"
                        aria-label={`One node more in layer ${l}`}
                        disabled={layer.size >= LIMITS.layerSize}
                        onClick={() => change((s) => withLayerSize(s, l, layer.size + 1), `Layer ${l} size`)}
                      >
                        +
                      </button>
                    )}
                  </span>
                </td>
                <td>
                  {dense && (
                    <select
                      aria-label={`Activation of layer ${l}`}
                      value={dense.activation.type}
                      data-testid={`layer-activation-${l}`}
                      onChange={(e) =>
                        change(
                          (s) =>
                            withActivation(s, l, activationOfType(e.target.value as ActivationType, dense.activation)),
                          `Activation of layer ${l}`,
                        )
                      }
                    >
                      {ACTIVATION_TYPES.map((name) => (
                        <option key={name} value={name}>
                          {name}
                        </option>
                      ))}
                    </select>
                  )}
                  {dense?.activation.type === 'linear' && (
                    <EditableNumber
                      value={dense.activation.slope}
                      label={`slope of layer ${l}`}
                      onCommit={(v) =>
                        change((s) => withActivation(s, l, { type: 'linear', slope: v }), `Slope of layer ${l}`)
                      }
                    />
                  )}
                  {dense?.activation.type === 'leaky-relu' && (
                    <EditableNumber
                      value={dense.activation.alpha}
                      label={`alpha of layer ${l}`}
                      onCommit={(v) =>
                        change((s) => withActivation(s, l, { type: 'leaky-relu', alpha: v }), `Alpha of layer ${l}`)
                      }
                    />
                  )}
                </td>
                <td>
                  {dense && (
                    <input
                      type="checkbox"
                      aria-label={`Biases in layer ${l}`}
                      checked={dense.bias}
                      onChange={(e) => change((s) => withLayerBias(s, l, e.target.checked), `Biases of layer ${l}`)}
                    />
                  )}
                </td>
                <td>
                  {l > 0 && !fixedShape && (
                    <button
                      type="button"
                      disabled={depth + 1 >= LIMITS.layers}
                      title="Insert a hidden layer before this one"
                      onClick={() =>
                        change((s) => withLayerInserted(s, l, s.layers[l - 1].size, { type: 'relu' }), 'Add a layer')
                      }
                    >
                      + layer before
                    </button>
                  )}
                  {l > 0 && l < depth && !fixedShape && (
                    <button type="button" onClick={() => change((s) => withLayerRemoved(s, l), `Remove layer ${l}`)}>
                      remove
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
