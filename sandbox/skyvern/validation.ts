/*
 * A small validator that reproduces the parts of pydantic v2 (lax "python" mode, as FastAPI runs it
 * on parsed JSON) that Skyvern's request models use, down to the error `type`, `msg`, `loc`, `input`
 * and `ctx` of each failure, so 422 bodies match the contract (1.4).
 */
import { naiveIso } from '../lib/time';

export type LocPart = string | number;

export interface Issue {
  type: string;
  loc: LocPart[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export interface Schema<T> {
  parse(input: unknown, loc: LocPart[]): Parsed<T>;
}

export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function fail(issue: Issue): { ok: false; issues: Issue[] } {
  return { ok: false, issues: [issue] };
}

function characters(count: number): string {
  return count === 1 ? 'character' : 'characters';
}

/** Python's len(): code points, not UTF-16 units. */
export function pyLength(text: string): number {
  let count = 0;
  for (const _char of text) count += 1;
  return count;
}

export function str(options: { min?: number; max?: number } = {}): Schema<string> {
  return {
    parse(input, loc) {
      if (typeof input !== 'string') {
        return fail({ type: 'string_type', loc, msg: 'Input should be a valid string', input });
      }
      const length = options.min !== undefined || options.max !== undefined ? pyLength(input) : 0;
      if (options.min !== undefined && length < options.min) {
        return fail({
          type: 'string_too_short',
          loc,
          msg: `String should have at least ${options.min} ${characters(options.min)}`,
          input,
          ctx: { min_length: options.min },
        });
      }
      if (options.max !== undefined && length > options.max) {
        return fail({
          type: 'string_too_long',
          loc,
          msg: `String should have at most ${options.max} ${characters(options.max)}`,
          input,
          ctx: { max_length: options.max },
        });
      }
      return ok(input);
    },
  };
}

const TRUE_STRINGS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_STRINGS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/** pydantic's lax bool: booleans, 0/1, and the usual yes/no strings. */
export function bool(): Schema<boolean> {
  return {
    parse(input, loc) {
      if (typeof input === 'boolean') return ok(input);
      const unable = {
        type: 'bool_parsing',
        loc,
        msg: 'Input should be a valid boolean, unable to interpret input',
        input,
      };
      if (typeof input === 'number') {
        if (input === 0 || input === 1) return ok(input === 1);
        return fail(unable);
      }
      if (typeof input === 'string') {
        const lowered = input.toLowerCase();
        if (TRUE_STRINGS.has(lowered)) return ok(true);
        if (FALSE_STRINGS.has(lowered)) return ok(false);
        return fail(unable);
      }
      return fail({ type: 'bool_type', loc, msg: 'Input should be a valid boolean', input });
    },
  };
}

/** How pydantic spells the allowed values of an enum: `'a', 'b' or 'c'`. */
export function expectedList(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

export function enumOf<T extends string>(values: readonly T[]): Schema<T> {
  const expected = expectedList(values);
  return {
    parse(input, loc) {
      const match = values.find((value) => value === input);
      if (match !== undefined) return ok(match);
      return fail({
        type: 'enum',
        loc,
        msg: `Input should be ${expected}`,
        input,
        ctx: { expected },
      });
    },
  };
}

/**
 * An integer query parameter (always a string on the wire). Values too large for a JavaScript
 * number are clamped to MAX_SAFE_INTEGER: they only ever mean "past the end".
 */
export function queryInt(options: { ge?: number; le?: number } = {}): Schema<number> {
  return {
    parse(input, loc) {
      const text = typeof input === 'string' ? input.trim() : '';
      if (typeof input !== 'string' || !/^[+-]?\d+(?:_\d+)*$/.test(text)) {
        return fail({
          type: 'int_parsing',
          loc,
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input,
        });
      }
      const big = BigInt(text.replace(/_/g, ''));
      const max = BigInt(Number.MAX_SAFE_INTEGER);
      const value =
        big > max ? Number.MAX_SAFE_INTEGER : big < -max ? -Number.MAX_SAFE_INTEGER : Number(big);
      if (options.ge !== undefined && value < options.ge) {
        return fail({
          type: 'greater_than_equal',
          loc,
          msg: `Input should be greater than or equal to ${options.ge}`,
          input,
          ctx: { ge: options.ge },
        });
      }
      if (options.le !== undefined && value > options.le) {
        return fail({
          type: 'less_than_equal',
          loc,
          msg: `Input should be less than or equal to ${options.le}`,
          input,
          ctx: { le: options.le },
        });
      }
      return ok(value);
    },
  };
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return {
    parse(input, loc) {
      return input === null ? ok(null) : schema.parse(input, loc);
    },
  };
}

/** `dict[str, str]`. */
export function stringMap(): Schema<Record<string, string>> {
  return {
    parse(input, loc) {
      if (!isPlainObject(input)) {
        return fail({ type: 'dict_type', loc, msg: 'Input should be a valid dictionary', input });
      }
      const issues: Issue[] = [];
      const out: Record<string, string> = {};
      for (const [key, value] of Object.entries(input)) {
        if (typeof value === 'string') out[key] = value;
        else
          issues.push({
            type: 'string_type',
            loc: [...loc, key],
            msg: 'Input should be a valid string',
            input: value,
          });
      }
      return issues.length > 0 ? { ok: false, issues } : ok(out);
    },
  };
}

/** A model-level (or before-validator) failure: pydantic prefixes the message with "Value error, ". */
export function valueError(loc: LocPart[], message: string, input: unknown): Issue {
  return {
    type: 'value_error',
    loc,
    msg: `Value error, ${message}`,
    input,
    ctx: { error: message },
  };
}

/** A field validated by a function, for rules that do not fit the combinators. */
export function custom<T>(parse: (input: unknown, loc: LocPart[]) => Parsed<T>): Schema<T> {
  return { parse };
}

export interface FieldSpec<T> {
  readonly schema: Schema<T>;
  readonly required: boolean;
  readonly fallback?: T;
}

export function required<T>(schema: Schema<T>): FieldSpec<T> {
  return { schema, required: true };
}

export function optional<T>(schema: Schema<T>, fallback: T): FieldSpec<T> {
  return { schema, required: false, fallback };
}

type FieldValues<F> = { [K in keyof F]: F[K] extends FieldSpec<infer T> ? T : never };

/** A validated model: its values (defaults filled in) and which keys the client actually sent. */
export interface Model<T> {
  values: T;
  present: ReadonlySet<string>;
}

/**
 * A pydantic model: a JSON object whose known keys are validated in declaration order; unknown
 * keys are ignored. `after` runs only when every field is valid (a model validator, mode "after").
 */
export function model<F extends Record<string, FieldSpec<unknown>>>(
  className: string,
  fields: F,
  after?: (value: Model<FieldValues<F>>, loc: LocPart[], input: JsonObject) => Issue[],
): Schema<Model<FieldValues<F>>> {
  return {
    parse(input, loc) {
      if (!isPlainObject(input)) {
        return fail({
          type: 'model_type',
          loc,
          msg: `Input should be a valid dictionary or instance of ${className}`,
          input,
          ctx: { class_name: className },
        });
      }
      const issues: Issue[] = [];
      const values: Record<string, unknown> = {};
      const present = new Set<string>();
      for (const [key, spec] of Object.entries(fields)) {
        if (!Object.hasOwn(input, key)) {
          if (spec.required)
            issues.push({ type: 'missing', loc: [...loc, key], msg: 'Field required', input });
          else values[key] = spec.fallback;
          continue;
        }
        present.add(key);
        const result = spec.schema.parse(input[key], [...loc, key]);
        if (result.ok) values[key] = result.value;
        else issues.push(...result.issues);
      }
      if (issues.length > 0) return { ok: false, issues };
      const value = { values: values as FieldValues<F>, present };
      const afterIssues = after?.(value, loc, input) ?? [];
      return afterIssues.length > 0 ? { ok: false, issues: afterIssues } : ok(value);
    },
  };
}

export interface UnionMember<T> {
  /** The tag pydantic inserts into `loc` for errors of this member. */
  tag: string;
  schema: Schema<T>;
  /** How many of the member's fields the input set; smart mode prefers the fullest match. */
  fieldsSet: (value: T) => number;
}

/**
 * pydantic's smart-mode union of models: the member that validates with the most fields set wins
 * (the first on a tie); when none validates, every member's errors are reported under its tag.
 */
export function union<T>(members: ReadonlyArray<UnionMember<T>>): Schema<T> {
  return {
    parse(input, loc) {
      let best: { value: T; score: number } | null = null;
      const issues: Issue[] = [];
      for (const member of members) {
        const result = member.schema.parse(input, [...loc, member.tag]);
        if (result.ok) {
          const score = member.fieldsSet(result.value);
          if (best === null || score > best.score) best = { value: result.value, score };
        } else {
          issues.push(...result.issues);
        }
      }
      return best !== null ? ok(best.value) : { ok: false, issues };
    },
  };
}

const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6})\d*)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function datetimeFromUnix(value: number): number | null {
  // pydantic reads values above 2e10 as milliseconds.
  const ms = Math.abs(value) > 2e10 ? value : value * 1000;
  return Number.isFinite(ms) && Math.abs(ms) <= 253402300799999 ? ms : null;
}

/**
 * A `datetime`: an ISO-8601 string or a Unix timestamp, returned in Skyvern's naive UTC form.
 * Offsets are converted to UTC; naive input is taken as UTC.
 */
export function datetime(): Schema<string> {
  return {
    parse(input, loc) {
      const invalid = (reason: string) =>
        fail({
          type: 'datetime_from_date_parsing',
          loc,
          msg: `Input should be a valid datetime or date, ${reason}`,
          input,
          ctx: { error: reason },
        });
      if (typeof input === 'number') {
        const ms = datetimeFromUnix(input);
        return ms === null ? invalid('timestamp out of range') : ok(naiveIso(Math.floor(ms), 0));
      }
      if (typeof input !== 'string') {
        return fail({ type: 'datetime_type', loc, msg: 'Input should be a valid datetime', input });
      }
      const text = input.trim();
      if (/^[+-]?\d+(?:\.\d+)?$/.test(text)) {
        const ms = datetimeFromUnix(Number(text));
        return ms === null ? invalid('timestamp out of range') : ok(naiveIso(Math.floor(ms), 0));
      }
      const match = ISO_DATETIME.exec(text);
      if (match === null) return invalid('invalid datetime format');
      const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
      const year = Number(y);
      const month = Number(mo);
      const day = Number(d);
      const hour = Number(h);
      const minute = Number(mi);
      const second = Number(s);
      const micros = Number(fraction.padEnd(6, '0'));
      const base = Date.UTC(year, month - 1, day, hour, minute, second);
      const check = new Date(base);
      if (
        year < 1 ||
        check.getUTCFullYear() !== year ||
        check.getUTCMonth() !== month - 1 ||
        check.getUTCDate() !== day ||
        hour > 23 ||
        minute > 59 ||
        second > 59
      ) {
        return invalid('invalid datetime values');
      }
      let offsetMinutes = 0;
      if (zone !== undefined && zone.toUpperCase() !== 'Z') {
        const sign = zone.startsWith('-') ? -1 : 1;
        const digits = zone.slice(1).replace(':', '');
        offsetMinutes =
          sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
        if (Math.abs(offsetMinutes) >= 24 * 60) return invalid('invalid timezone offset');
      }
      const utcMs = base - offsetMinutes * 60_000 + Math.floor(micros / 1000);
      return ok(naiveIso(utcMs, micros % 1000));
    },
  };
}

/** The 422 list on `/v1/credentials…` and `/api/v1/credentials…`: Skyvern strips input, ctx and url. */
export function sanitizedIssues(issues: readonly Issue[]) {
  return issues.map((issue) => ({ loc: issue.loc, msg: issue.msg, type: issue.type }));
}

/** FastAPI's default 422 list (the legacy `POST /api/v1/totp`): it echoes the offending input. */
export function defaultIssues(issues: readonly Issue[]) {
  return issues.map((issue) =>
    issue.ctx === undefined
      ? { type: issue.type, loc: issue.loc, msg: issue.msg, input: issue.input }
      : { type: issue.type, loc: issue.loc, msg: issue.msg, input: issue.input, ctx: issue.ctx },
  );
}

export function map<A, B>(schema: Schema<A>, transform: (value: A) => B): Schema<B> {
  return {
    parse(input, loc) {
      const result = schema.parse(input, loc);
      return result.ok ? ok(transform(result.value)) : result;
    },
  };
}
