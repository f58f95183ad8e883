/**
 * A fast yes/no check that parsed JSON already is what a schema would return for it, compiled once from the
 * zod schema itself (so it cannot drift from model.ts). Loading the archive spent about a third of its time in
 * zod, which copies every object it checks; a signature kbbot wrote itself (keys in schema order, defaults
 * present, nothing unknown) passes this check as it is. Anything else, a missing default, an unknown key, a
 * type, pattern or check this compiler does not know, answers "no", and the caller falls back to the full
 * schema, which applies defaults or names the bad field. So "yes" must imply: zod accepts the value and its
 * output equals it, key order included; "no" implies nothing.
 */
import type { z } from 'zod';

export type FastCheck = (value: unknown) => boolean;

/** The parts of zod 4's schema definitions this compiler reads (`schema._zod.def`). */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  entries?: Record<string, unknown>;
  catchall?: unknown;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  value?: unknown;
  inclusive?: boolean;
}
type Schema = { _zod: { def: Def } };

const never: FastCheck = () => false;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One check on a string or number, or undefined when this compiler does not know it (the schema must decide). */
function compileCheck(def: CheckDef, of: 'string' | 'number'): FastCheck | undefined {
  if (of === 'string' && def.check === 'string_format' && def.format === 'regex' && def.pattern instanceof RegExp) {
    const pattern = new RegExp(def.pattern.source, def.pattern.flags.replace(/[gy]/g, ''));
    return (v) => pattern.test(v as string);
  }
  if (of === 'string' && def.check === 'min_length' && typeof def.minimum === 'number') {
    const min = def.minimum;
    return (v) => (v as string).length >= min;
  }
  if (of === 'number' && def.check === 'number_format' && def.format === 'safeint') return (v) => Number.isSafeInteger(v);
  if (of === 'number' && def.check === 'greater_than' && typeof def.value === 'number') {
    const floor = def.value;
    return def.inclusive ? (v) => (v as number) >= floor : (v) => (v as number) > floor;
  }
  return undefined;
}

function compileScalar(def: Def, of: 'string' | 'number'): FastCheck {
  const checks: FastCheck[] = [];
  for (const c of def.checks ?? []) {
    const check = compileCheck(c._zod.def, of);
    if (!check) return never;
    checks.push(check);
  }
  if (of === 'string') return (v) => typeof v === 'string' && checks.every((c) => c(v));
  return (v) => typeof v === 'number' && Number.isFinite(v) && checks.every((c) => c(v));
}

/** An object whose keys are all known, in the schema's order, present unless optional, each value valid. */
function compileObject(shape: Record<string, Schema>): FastCheck {
  const names = Object.keys(shape);
  const fields = names.map((name) => {
    const def = shape[name]!._zod.def;
    // A missing optional key is fine; a missing defaulted key is not (the schema would add it).
    const optional = def.type === 'optional';
    return { name, optional, check: compile(optional ? def.innerType! : shape[name]!) };
  });
  return (value) => {
    if (!isPlainObject(value)) return false;
    let at = 0;
    for (const key in value) {
      // Walk the schema's fields in order: each key must be the next present one.
      while (at < fields.length && fields[at]!.name !== key) {
        if (!fields[at]!.optional) return false;
        at++;
      }
      if (at === fields.length || !fields[at]!.check(value[key])) return false;
      at++;
    }
    for (; at < fields.length; at++) if (!fields[at]!.optional) return false;
    return true;
  };
}

function compile(schema: Schema): FastCheck {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      return compileScalar(def, 'string');
    case 'number':
      return compileScalar(def, 'number');
    case 'boolean':
      return def.checks?.length ? never : (v) => typeof v === 'boolean';
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return def.checks?.length ? never : (v) => typeof v === 'string' && values.has(v);
    }
    case 'array': {
      if (def.checks?.length || !def.element) return never;
      const element = compile(def.element);
      return (v) => Array.isArray(v) && v.every((e) => element(e));
    }
    case 'object':
      // .strict() / .passthrough() / .catchall() treat unknown keys otherwise: left to the schema.
      return def.shape && def.catchall === undefined ? compileObject(def.shape) : never;
    // A default is only ever applied to a missing value, which compileObject already refuses.
    case 'default':
      return def.innerType ? compile(def.innerType) : never;
    default:
      return never;
  }
}

export function compileFastCheck(schema: z.ZodType): FastCheck {
  return compile(schema as unknown as Schema);
}
