/** The scenario codec: `backprop-scenario/1` documents in, normalized scenarios out, and back. */
export { formatCodecError, type CodecError, type CodecResult } from './codec-result.ts';
export { parseScenario, parseScenarioText } from './parse-scenario.ts';
export { scenarioToJson, serializeScenario, type JsonDocument, type JsonValue } from './serialize-scenario.ts';
