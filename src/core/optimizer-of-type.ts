import { OPTIMIZER_DEFAULTS, type Optimizer, type OptimizerType } from './scenario.ts';

/** An optimizer of the given type with its default hyper-parameters and learning rate η (Adadelta's default η = 1 stays). */
export function optimizerOfType(type: OptimizerType, learningRate: number): Optimizer {
  switch (type) {
    case 'sgd':
      return { type, learningRate };
    case 'momentum':
    case 'nesterov':
      return { type, learningRate, ...OPTIMIZER_DEFAULTS[type] };
    case 'adagrad':
      return { type, learningRate, ...OPTIMIZER_DEFAULTS.adagrad };
    case 'rmsprop':
      return { type, learningRate, ...OPTIMIZER_DEFAULTS.rmsprop };
    case 'adadelta':
      return { type, ...OPTIMIZER_DEFAULTS.adadelta };
    case 'adam':
      return { type, learningRate, ...OPTIMIZER_DEFAULTS.adam };
  }
}
