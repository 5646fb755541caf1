/** A minimal valid scenario document (2 → 1 with bias, mse, sgd), with `fields` put over it. */
export function minimal(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'backprop-scenario/1',
    layers: [{ size: 2 }, { size: 1, activation: 'identity', bias: true }],
    weights: [[[0.5, -0.25]]],
    loss: 'mse',
    data: [{ x: [1, 2], y: [3] }],
    optimizer: { type: 'sgd', learningRate: 0.1 },
    ...fields,
  };
}
