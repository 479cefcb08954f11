/** Where the e2e web server reports sandbox answers that do not fit the description (SANDBOX_VALIDATE_ANSWERS). */
import { existsSync, readFileSync } from 'node:fs';

export const answerViolationsFile = (): string => {
  const file = process.env.E2E_ANSWER_VIOLATIONS;
  if (!file) throw new Error('E2E_ANSWER_VIOLATIONS is not set (playwright.config.ts sets it)');
  return file;
};

/** The mismatches reported so far, one per line. */
export function answerViolations(): string[] {
  const file = answerViolationsFile();
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { violation: string }).violation);
}
