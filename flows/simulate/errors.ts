/** A simulation cannot go on: the flow does not compile, a mock is missing, an action cannot apply. */
export class SimulationError extends Error {
  override readonly name = 'SimulationError';
}
