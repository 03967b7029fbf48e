/**
 * The Switchboard flow language: pure TypeScript for the browser and Node. Documents in
 * `switchboard/flow@1`, the node catalog, the validator, the compiler to XState, the pure
 * step engine shared by the simulator and the runtime, and the journey-test runner.
 */
export { FLOW_FORMAT, FlowDocument, FlowNode, FlowEdge, type FlowDocumentInput } from './schema/flow';
export { upgradeFlow, FLOW_MIGRATIONS, type FlowMigration } from './schema/upgrade';
export { CHANNELS, Channel, Text, Rule, RULE_OPS } from './schema/common';
export { fieldMeta, unwrapAll, type FieldMeta, type Widget } from './schema/meta';

export { NODE_TYPES, NODE_CATEGORIES, nodeType } from './nodes/catalog';
export type { NodeType, BoundNode, HandleSpec, NodeCategory, NodeTexts, UiLocale } from './nodes/define';

export { validateFlow, type ValidateOptions } from './validate/validate';
export { analyzeFlow, type FlowModel } from './validate/analyze';
export { variableUsage, type VariableUse, type VariableUsage } from './validate/usage';
export { DIAGNOSTIC_CODES, describeDiagnostic, localizeDiagnostic, type Diagnostic, type DiagnosticCode, type Severity } from './validate/diagnostics';
export { flowLibrary, type FlowLibrary } from './validate/library';
export { renameVariableInFlow } from './validate/renameVariable';

export { compileFlow, type CompiledFlow, type CompileResult, type FlowInventory } from './compile/compile';
export { createFlowMachine } from './compile/machine';

export { startJourney, applyEvent, persistJourney, restoreJourney, type StepResult, type PersistedJourney } from './engine/step';
export { FlowEvent } from './engine/events';
export { JourneyInput, Contact, type FlowContext } from './engine/context';
export { simulatedServices, type Effect, type EffectServices } from './engine/effects';

export { createSimulation, type Simulation, type SimulationOptions, type SimulationState, type SentMessage } from './simulate/simulation';
export { SimulationError } from './simulate/errors';
export { Coverage, type FlowCoverage } from './simulate/coverage';
export { Mocks, HttpMock } from './simulate/mocks';

export { Journey, JOURNEY_FORMAT } from './journey/schema';
export { runJourney, type JourneyResult, type RunOptions } from './journey/run';
export { flowPaths, type FlowPath } from './journey/paths';

export { parseDuration, formatDuration } from './lang/duration';
export { IDENTITY_KINDS, normalizeAddress, type IdentityKind } from './lang/address';
export { classifyIntent } from './lang/classify';
export { words } from './lang/segment';
export { isOpen, isValidTimeZone, type HoursSpec } from './lang/hours';
