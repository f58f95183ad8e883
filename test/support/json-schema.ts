/**
 * A small JSON Schema (draft-07 subset) validator: the keywords Slack's manifest schema uses ($ref to
 * #/definitions, type, properties, patternProperties, additionalProperties, required, enum, pattern (and the
 * schema's own `regex`), min/maxLength, min/maxItems, uniqueItems, items, anyOf, min/maxProperties).
 * Returns every violation as `path: message`; an empty list means valid.
 */
type Schema = Record<string, unknown> | boolean;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(value: unknown, type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  const actual = typeOf(value);
  return types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

export function validateJsonSchema(root: Record<string, unknown>, value: unknown): string[] {
  const errors: string[] = [];

  function resolve(ref: string): Schema {
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
    let node: unknown = root;
    for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
    return node as Schema;
  }

  function check(schema: Schema, v: unknown, path: string): void {
    if (schema === true) return;
    if (schema === false) {
      errors.push(`${path}: not allowed`);
      return;
    }
    if (typeof schema.$ref === 'string') {
      check(resolve(schema.$ref), v, path);
      return;
    }
    if (schema.type !== undefined && !typeMatches(v, schema.type)) {
      errors.push(`${path}: expected ${JSON.stringify(schema.type)}, got ${typeOf(v)}`);
      return;
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) errors.push(`${path}: not one of ${JSON.stringify(schema.enum)}`);
    if (Array.isArray(schema.anyOf)) {
      const before = errors.length;
      const passes = schema.anyOf.some((sub) => {
        const mark = errors.length;
        check(sub as Schema, v, path);
        const ok = errors.length === mark;
        errors.length = mark;
        return ok;
      });
      errors.length = before;
      if (!passes) errors.push(`${path}: matches none of anyOf`);
    }
    if (typeof v === 'string') {
      if (typeof schema.minLength === 'number' && v.length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
      if (typeof schema.maxLength === 'number' && v.length > schema.maxLength) errors.push(`${path}: longer than ${schema.maxLength}`);
      for (const key of ['pattern', 'regex']) {
        const pattern = schema[key];
        if (typeof pattern === 'string' && !new RegExp(pattern, 'u').test(v)) errors.push(`${path}: does not match ${pattern}`);
      }
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
      if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) errors.push(`${path}: more than ${schema.maxItems} items`);
      if (schema.uniqueItems === true && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) errors.push(`${path}: items not unique`);
      if (schema.items !== undefined && !Array.isArray(schema.items)) v.forEach((item, i) => check(schema.items as Schema, item, `${path}/${i}`));
    }
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj);
      if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) errors.push(`${path}: fewer than ${schema.minProperties} properties`);
      if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) errors.push(`${path}: more than ${schema.maxProperties} properties`);
      if (Array.isArray(schema.required)) for (const r of schema.required) if (!(r in obj)) errors.push(`${path}: missing required ${r}`);
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const patterns = Object.entries((schema.patternProperties ?? {}) as Record<string, Schema>);
      for (const key of keys) {
        let matched = false;
        if (key in props) {
          matched = true;
          check(props[key]!, obj[key], `${path}/${key}`);
        }
        for (const [pattern, sub] of patterns) {
          if (new RegExp(pattern, 'u').test(key)) {
            matched = true;
            check(sub, obj[key], `${path}/${key}`);
          }
        }
        if (!matched && schema.additionalProperties !== undefined) check(schema.additionalProperties as Schema, obj[key], `${path}/${key}`);
      }
    }
  }

  check(root, value, '');
  return errors;
}
