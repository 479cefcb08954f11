/**
 * The `condition` of a permission statement: the part of SORACOM's condition language that its documentation shows,
 * compiled once and then evaluated per call. Anything else is refused with a message instead of being guessed at.
 *
 *   condition  := or
 *   or         := and ('or' and)*
 *   and        := unary ('and' unary)*
 *   unary      := 'not' unary | '(' or ')' | 'true' | 'false' | ipAddress(...) | operand op operand
 *   operand    := 'text' | 123 | currentDate | currentDateTime | samUserName | pathVariable('name')
 *               | date(y, m, d) | dateTime(y, m, d, h, mi, s)
 *   op         := == | != | < | <= | > | >=
 *
 * Dates and times are compared in UTC (our choice: the documentation shows dates without a time zone). Text compares
 * only for (in)equality, and both sides of a comparison must be of the same kind (checked when compiling). A path
 * variable the operation does not have makes its comparison false.
 */

export interface ConditionFacts {
  /** The path parameters of the call, e.g. `{ sim_id: '…' }`. */
  pathVariables: Record<string, string>;
  samUserName: string;
  /** The caller's address; `ipAddress(...)` is false when unknown. */
  sourceIp?: string;
  /** The time of the call, ms since the epoch. */
  now: number;
  httpMethod?: string;
}

type Kind = 'text' | 'number' | 'date' | 'dateTime';
type Operand =
  | { type: 'constant'; kind: Kind; value: string | number }
  | { type: 'currentDate' | 'currentDateTime' | 'samUserName' }
  | { type: 'pathVariable'; name: string };
type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>=';
interface IpRange {
  version: 4 | 6;
  bits: bigint;
  prefix: number;
}
export type Condition =
  | { type: 'and' | 'or'; left: Condition; right: Condition }
  | { type: 'not'; operand: Condition }
  | { type: 'constant'; value: boolean }
  | { type: 'ip'; ranges: IpRange[] }
  | { type: 'compare'; op: Comparison; left: Operand; right: Operand };

const maxDepth = 32;
const maxTokens = 500;

type Token = { kind: 'name' | 'text' | 'number' | 'symbol'; value: string; at: number };

class ConditionError extends Error {}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const at = i;
    const rest = source.slice(i);
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    const number = /^\d+/.exec(rest);
    const symbol = /^(==|!=|<=|>=|<|>|\(|\)|,)/.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', value: name[0], at });
      i += name[0].length;
    } else if (number) {
      tokens.push({ kind: 'number', value: number[0], at });
      i += number[0].length;
    } else if (symbol) {
      tokens.push({ kind: 'symbol', value: symbol[0], at });
      i += symbol[0].length;
    } else if (char === "'") {
      const end = source.indexOf("'", i + 1);
      if (end < 0) throw new ConditionError(`the text starting at ${at + 1} has no closing quote`);
      tokens.push({ kind: 'text', value: source.slice(i + 1, end), at });
      i = end + 1;
    } else if (char === '"') {
      throw new ConditionError(`use single quotes for text (at ${at + 1})`);
    } else {
      throw new ConditionError(`"${char}" at ${at + 1} is not understood`);
    }
    if (tokens.length > maxTokens) throw new ConditionError('the condition is too long');
  }
  return tokens;
}

function ipRange(text: string): IpRange {
  const [address = '', prefixText] = text.split('/');
  const parsed = parseIp(address);
  if (!parsed) throw new ConditionError(`'${text}' is not an IP address or range`);
  const width = parsed.version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (!/^\d*$/.test(prefixText ?? '') || !Number.isInteger(prefix) || prefix < 0 || prefix > width) {
    throw new ConditionError(`'${text}' has a prefix length that is not 0 to ${width}`);
  }
  return { version: parsed.version, bits: parsed.bits, prefix };
}

/** An IPv4 or IPv6 address as a number (an IPv4-mapped IPv6 address counts as IPv4), or undefined. */
export function parseIp(text: string): { version: 4 | 6; bits: bigint } | undefined {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  const v4 = mapped ? mapped[1] : text;
  if (v4 && /^\d+\.\d+\.\d+\.\d+$/.test(v4)) {
    const parts = v4.split('.').map(Number);
    if (parts.some((part) => part > 255)) return undefined;
    return { version: 4, bits: parts.reduce((sum, part) => (sum << 8n) + BigInt(part), 0n) };
  }
  if (!/^[0-9a-f:]+$/i.test(text) || text.length > 39) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined) => (half ? half.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail];
  if (all.some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  return { version: 6, bits: all.reduce((sum, group) => (sum << 16n) + BigInt(Number.parseInt(group, 16)), 0n) };
}

function inRange(address: { version: 4 | 6; bits: bigint }, range: IpRange): boolean {
  if (address.version !== range.version) return false;
  const shift = BigInt((range.version === 4 ? 32 : 128) - range.prefix);
  return address.bits >> shift === range.bits >> shift;
}

function utcDate(values: number[], withTime: boolean): number {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = values;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(ms);
  const valid =
    year >= 1970 &&
    year <= 9999 &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    (!withTime || (hour <= 23 && minute <= 59 && second <= 59));
  if (!valid) throw new ConditionError(`${withTime ? 'dateTime' : 'date'}(${values.join(', ')}) is not a valid date`);
  return withTime ? ms : year * 10_000 + month * 100 + day;
}

function kindOf(operand: Operand): Kind {
  switch (operand.type) {
    case 'constant':
      return operand.kind;
    case 'currentDate':
      return 'date';
    case 'currentDateTime':
      return 'dateTime';
    default:
      return 'text';
  }
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Condition {
    const condition = this.or(0);
    const extra = this.tokens[this.position];
    if (extra) throw new ConditionError(`"${extra.value}" at ${extra.at + 1} is not expected here`);
    return condition;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }
  private next(what: string): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new ConditionError(`the condition ends where ${what} is expected`);
    return token;
  }
  private expect(symbol: string): void {
    const token = this.next(`"${symbol}"`);
    if (token.value !== symbol || token.kind !== 'symbol') {
      throw new ConditionError(`"${symbol}" is expected at ${token.at + 1}`);
    }
  }
  private isWord(word: string): boolean {
    const token = this.peek();
    return token?.kind === 'name' && token.value === word;
  }

  private or(depth: number): Condition {
    let left = this.and(depth);
    while (this.isWord('or')) {
      this.position++;
      left = { type: 'or', left, right: this.and(depth) };
    }
    return left;
  }
  private and(depth: number): Condition {
    let left = this.unary(depth);
    while (this.isWord('and')) {
      this.position++;
      left = { type: 'and', left, right: this.unary(depth) };
    }
    return left;
  }
  private unary(depth: number): Condition {
    if (depth > maxDepth) throw new ConditionError('the condition is nested too deeply');
    const token = this.peek();
    if (token?.kind === 'name' && token.value === 'not') {
      this.position++;
      return { type: 'not', operand: this.unary(depth + 1) };
    }
    if (token?.kind === 'symbol' && token.value === '(') {
      this.position++;
      const inner = this.or(depth + 1);
      this.expect(')');
      return inner;
    }
    if (token?.kind === 'name' && (token.value === 'true' || token.value === 'false')) {
      this.position++;
      return { type: 'constant', value: token.value === 'true' };
    }
    if (token?.kind === 'name' && token.value === 'ipAddress') {
      this.position++;
      const ranges = this.textArguments('ipAddress').map(ipRange);
      if (ranges.length === 0) throw new ConditionError('ipAddress() needs at least one address or range');
      return { type: 'ip', ranges };
    }
    return this.comparison();
  }

  private comparison(): Condition {
    const left = this.operand();
    const opToken = this.next('a comparison (==, !=, <, <=, >, >=)');
    if (opToken.kind !== 'symbol' || !['==', '!=', '<', '<=', '>', '>='].includes(opToken.value)) {
      throw new ConditionError(`a comparison is expected at ${opToken.at + 1}, not "${opToken.value}"`);
    }
    const op = opToken.value as Comparison;
    const right = this.operand();
    const [leftKind, rightKind] = [kindOf(left), kindOf(right)];
    if (leftKind !== rightKind) {
      throw new ConditionError(`at ${opToken.at + 1}, a ${leftKind} cannot be compared with a ${rightKind}`);
    }
    if (leftKind === 'text' && op !== '==' && op !== '!=') {
      throw new ConditionError(`at ${opToken.at + 1}, text compares only with == or !=`);
    }
    return { type: 'compare', op, left, right };
  }

  private textArguments(name: string): string[] {
    this.expect('(');
    const values: string[] = [];
    if (this.peek()?.value === ')' && this.peek()?.kind === 'symbol') {
      this.position++;
      return values;
    }
    for (;;) {
      const token = this.next(`an argument of ${name}()`);
      if (token.kind !== 'text') throw new ConditionError(`${name}() takes quoted text (at ${token.at + 1})`);
      values.push(token.value);
      const separator = this.next(`"," or ")"`);
      if (separator.kind === 'symbol' && separator.value === ')') return values;
      if (separator.kind !== 'symbol' || separator.value !== ',') {
        throw new ConditionError(`"," or ")" is expected at ${separator.at + 1}`);
      }
    }
  }

  private numberArguments(name: string, count: number): number[] {
    this.expect('(');
    const values: number[] = [];
    for (let index = 0; index < count; index++) {
      if (index > 0) this.expect(',');
      const token = this.next(`an argument of ${name}()`);
      if (token.kind !== 'number') throw new ConditionError(`${name}() takes ${count} numbers (at ${token.at + 1})`);
      values.push(Number(token.value));
    }
    this.expect(')');
    return values;
  }

  private operand(): Operand {
    const token = this.next('a value');
    if (token.kind === 'text') return { type: 'constant', kind: 'text', value: token.value };
    if (token.kind === 'number') return { type: 'constant', kind: 'number', value: Number(token.value) };
    if (token.kind === 'name') {
      switch (token.value) {
        case 'currentDate':
        case 'currentDateTime':
        case 'samUserName':
          return { type: token.value };
        case 'pathVariable': {
          const [name, ...more] = this.textArguments('pathVariable');
          if (name === undefined || more.length > 0) throw new ConditionError('pathVariable() takes one name');
          return { type: 'pathVariable', name };
        }
        case 'date':
          return { type: 'constant', kind: 'date', value: utcDate(this.numberArguments('date', 3), false) };
        case 'dateTime':
          return { type: 'constant', kind: 'dateTime', value: utcDate(this.numberArguments('dateTime', 6), true) };
        default:
          throw new ConditionError(`"${token.value}" at ${token.at + 1} is not supported in a condition here`);
      }
    }
    throw new ConditionError(`a value is expected at ${token.at + 1}, not "${token.value}"`);
  }
}

/** The compiled condition, or what is wrong with it (a sentence fragment). */
export function compileCondition(source: string): Condition | string {
  try {
    const tokens = tokenize(source);
    if (tokens.length === 0) return 'the condition is empty';
    return new Parser(tokens).parse();
  } catch (error) {
    if (error instanceof ConditionError) return error.message;
    throw error;
  }
}

function operandValue(operand: Operand, facts: ConditionFacts): string | number | undefined {
  switch (operand.type) {
    case 'constant':
      return operand.value;
    case 'samUserName':
      return facts.samUserName;
    case 'pathVariable':
      return Object.hasOwn(facts.pathVariables, operand.name) ? facts.pathVariables[operand.name] : undefined;
    case 'currentDateTime':
      return facts.now;
    case 'currentDate': {
      const date = new Date(facts.now);
      return date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
    }
  }
}

function compare(op: Comparison, left: string | number, right: string | number): boolean {
  switch (op) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

/** Whether the condition holds for this call. */
export function holds(condition: Condition, facts: ConditionFacts): boolean {
  switch (condition.type) {
    case 'and':
      return holds(condition.left, facts) && holds(condition.right, facts);
    case 'or':
      return holds(condition.left, facts) || holds(condition.right, facts);
    case 'not':
      return !holds(condition.operand, facts);
    case 'constant':
      return condition.value;
    case 'ip': {
      const address = facts.sourceIp === undefined ? undefined : parseIp(facts.sourceIp);
      return address !== undefined && condition.ranges.some((range) => inRange(address, range));
    }
    case 'compare': {
      const left = operandValue(condition.left, facts);
      const right = operandValue(condition.right, facts);
      if (left === undefined || right === undefined) return false;
      return compare(condition.op, left, right);
    }
  }
}
