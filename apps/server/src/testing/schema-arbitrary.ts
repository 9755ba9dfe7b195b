import fc from 'fast-check';

/** A JSON-Schema fragment as @fastify/swagger prints it for our zod schemas. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

const nasty = fc.constantFrom(
  '', ' ', '0', '-1', '1e309', 'null', '../../etc/passwd', "'; DROP TABLE users; --", '<script>alert(1)</script>',
  '\u0000', '😀'.repeat(50), 'x'.repeat(5000), '42', 'cn.n1', '00000000-0000-0000-0000-000000000000', '知识产权',
);

/** Values that mostly fit the schema, sometimes not at all: the server must answer 4xx, never 5xx. */
export function arbitraryFor(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 4) return fc.oneof(fc.anything(), nasty);
  const variants = s.anyOf ?? s.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => arbitraryFor(v, depth + 1)));
  if (s.enum) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...s.enum) }, { weight: 1, arbitrary: nasty });
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const wild = fc.oneof(fc.anything(), nasty);
  let typed: fc.Arbitrary<unknown>;
  switch (type) {
    case 'string':
      typed = s.format === 'uuid' ? fc.uuid() : fc.oneof(fc.string({ maxLength: (s.maxLength ?? 30) + 2 }), nasty);
      break;
    case 'integer':
      typed = fc.integer({ min: (s.minimum ?? -10) - 1, max: (s.maximum ?? 1000) + 1 });
      break;
    case 'number':
      typed = fc.double({ noNaN: true });
      break;
    case 'boolean':
      typed = fc.boolean();
      break;
    case 'array':
      typed = fc.array(arbitraryFor(s.items, depth + 1), { maxLength: 4 });
      break;
    case 'object': {
      const props = s.properties ?? {};
      const keys = Object.keys(props);
      const rec: Record<string, fc.Arbitrary<unknown>> = {};
      for (const k of keys) rec[k] = arbitraryFor(props[k], depth + 1);
      typed = fc.tuple(fc.record(rec, { requiredKeys: [] }), fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { maxKeys: 2 })))
        .map(([o, extra]) => ({ ...(extra ?? {}), ...o }));
      break;
    }
    default:
      typed = wild;
  }
  return fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: wild });
}
