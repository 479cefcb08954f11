/** Starts the run with no answer mismatches on record (a database named by E2E_DB may be reused across runs). */
import { rmSync } from 'node:fs';
import { answerViolationsFile } from './answerViolations';

export default function globalSetup() {
  rmSync(answerViolationsFile(), { force: true });
}
