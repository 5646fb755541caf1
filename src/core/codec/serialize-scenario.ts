import type { Activation, DenseLayer, Init, InputLayer, Optimizer, Scenario } from '../scenario.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonDocument = { [key: string]: JsonValue };

/**
 * The plain JSON document of a scenario, in canonical form: fields in the spec's order,
 * `init` in place of `weights` when the scenario has one, activations without parameters as
 * names, optional fields left out when undefined. `parseScenario` reads it back deep-equal.
 */
export function serializeScenario(scenario: Scenario): JsonDocument {
  const doc: JsonDocument = { format: scenario.format };
  setIfDefined(doc, 'title', scenario.title);
  setIfDefined(doc, 'description', scenario.description);
  doc.layers = scenario.layers.map(writeLayer);
  setIfDefined(
    doc,
    'weightLabels',
    scenario.weightLabels?.map((matrix) => matrix.map((row) => row.slice())),
  );
  setIfDefined(doc, 'biasLabels', scenario.biasLabels?.map(copyOrNull));
  if (scenario.init === undefined) doc.weights = scenario.weights.map((matrix) => matrix.map((row) => row.slice()));
  else doc.init = writeInit(scenario.init);
  doc.biases = scenario.biases.map(copyOrNull);
  setIfDefined(doc, 'trainable', scenario.trainable === undefined ? undefined : writeTrainable(scenario.trainable));
  doc.loss = scenario.loss;
  setIfDefined(doc, 'reduction', scenario.reduction);
  doc.data = scenario.data.map(({ x, y }) => ({ x: x.slice(), y: y.slice() }));
  setIfDefined(doc, 'batchSize', scenario.batchSize);
  doc.optimizer = writeOptimizer(scenario.optimizer);
  setIfDefined(
    doc,
    'regularization',
    scenario.regularization === undefined ? undefined : { ...scenario.regularization },
  );
  setIfDefined(
    doc,
    'testData',
    scenario.testData?.map(({ x, y }) => ({ x: x.slice(), y: y.slice() })),
  );
  return doc;
}

/** The scenario as JSON text; numbers are written exactly (JSON.stringify gives the shortest round-tripping form). */
export function scenarioToJson(scenario: Scenario, indent = 2): string {
  return JSON.stringify(serializeScenario(scenario), null, indent);
}

function setIfDefined(doc: JsonDocument, key: string, value: JsonValue | undefined): void {
  if (value !== undefined) doc[key] = value;
}

function copyOrNull<T>(entry: T[] | null): T[] | null {
  return entry === null ? null : entry.slice();
}

function writeLayer(layer: InputLayer | DenseLayer): JsonDocument {
  const doc: JsonDocument = { size: layer.size };
  if ('activation' in layer) {
    doc.activation = writeActivation(layer.activation);
    doc.bias = layer.bias;
  }
  setIfDefined(doc, 'labels', layer.labels?.slice());
  return doc;
}

/** `"relu"` for an activation without parameter; the object, parameter included, otherwise. */
export function writeActivation(activation: Activation): JsonValue {
  if (activation.type === 'linear') return { type: activation.type, slope: activation.slope };
  if (activation.type === 'leaky-relu') return { type: activation.type, alpha: activation.alpha };
  return activation.type;
}

function writeInit(init: Init): JsonDocument {
  switch (init.type) {
    case 'constant':
      return { type: init.type, value: init.value };
    case 'uniform':
      return { type: init.type, low: init.low, high: init.high, seed: init.seed };
    case 'xavier':
    case 'he':
      return { type: init.type, seed: init.seed };
  }
}

/** Every field written, defaults included, so that a change of defaults cannot change a saved file. */
function writeOptimizer(optimizer: Optimizer): JsonDocument {
  const { type, learningRate } = optimizer;
  switch (optimizer.type) {
    case 'sgd':
      return { type, learningRate };
    case 'momentum':
    case 'nesterov':
      return { type, learningRate, momentum: optimizer.momentum };
    case 'adagrad':
      return { type, learningRate, epsilon: optimizer.epsilon };
    case 'rmsprop':
    case 'adadelta':
      return { type, learningRate, decay: optimizer.decay, epsilon: optimizer.epsilon };
    case 'adam':
      return { type, learningRate, beta1: optimizer.beta1, beta2: optimizer.beta2, epsilon: optimizer.epsilon };
  }
}

function writeTrainable(trainable: NonNullable<Scenario['trainable']>): JsonDocument {
  const doc: JsonDocument = {};
  setIfDefined(
    doc,
    'weights',
    trainable.weights?.map((entry) => (typeof entry === 'boolean' ? entry : entry.map((row) => row.slice()))),
  );
  setIfDefined(
    doc,
    'biases',
    trainable.biases?.map((entry) => (typeof entry === 'boolean' || entry === null ? entry : entry.slice())),
  );
  return doc;
}
