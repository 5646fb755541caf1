/** The scenario and lesson codecs: `backprop-scenario/1` and `backprop-lesson/1` documents in, normalized values out, and back. */
export { formatCodecError, type CodecError, type CodecResult } from './codec-result.ts';
export { parseScenario, parseScenarioText } from './parse-scenario.ts';
export { scenarioToJson, serializeScenario, type JsonDocument, type JsonValue } from './serialize-scenario.ts';
export { NO_PRESETS, parseLesson, parseLessonJson, type PresetCatalog } from './parse-lesson.ts';
export { lessonToJson, serializeLesson } from './serialize-lesson.ts';
