/**
 * Fails the run when the web server reported a sandbox answer that does not fit the description: the journeys are
 * contract-checked too, whatever each of them asserts.
 */
import { answerViolations } from './answerViolations';

export default function globalTeardown() {
  const violations = answerViolations();
  if (violations.length > 0) {
    throw new Error(
      `${violations.length} sandbox answers did not fit the description during the run:\n${violations.join('\n\n')}`,
    );
  }
}
