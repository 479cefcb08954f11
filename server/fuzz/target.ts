/** Where fuzz cases go: the sandbox in process (inProcess.ts) or a server process over HTTP (http.ts). */
import type { FuzzCase, FuzzOperation, Known } from './cases';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /**
   * The path the server answered for, when it is not the case's: the server resolves dot segments (`%2e%2e`
   * included) before it picks an operation, so the answer is checked against the operation it picked.
   */
  path?: string;
}

export interface Target {
  name: string;
  /** Gets ready for the cases of one operation; answers the values that name things the callers have. */
  begin(op: FuzzOperation): Promise<Known>;
  send(c: FuzzCase): Promise<Answer>;
  /** Null while the target still answers as it should; what is wrong otherwise. */
  alive(): Promise<string | null>;
  close(): Promise<void>;
}
