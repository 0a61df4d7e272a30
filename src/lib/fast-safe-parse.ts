/**
 * Validation of merged papers and days, fast. zod stays the definition and the judge of every
 * record it would reject; Ajv, compiled from zod's own JSON Schema of the same schema, only
 * accepts valid records sooner. zod spends about 2 KB of short-lived objects and a few
 * microseconds on each paper: a third of merging 40,000 papers.
 */
import { _, Ajv, type KeywordCxt, type ValidateFunction } from 'ajv';
import { z } from 'zod';
import { daySchema, paperSchema } from './schema';

/** Part of a JSON Schema this module reads or rewrites. */
interface JsonSchemaNode {
  type?: string;
  minLength?: number;
  maxLength?: number;
  utf16Length?: Utf16Length;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
}

/**
 * `paperSchema.safeParse`, with the same result: a record Ajv accepts and whose objects have only
 * the schema's keys, in its order (as zod builds its output), is returned as it is, where zod
 * would return an equal copy; any other record goes to zod.
 */
export const validatePaper = fastSafeParse(paperSchema);

/** `daySchema.safeParse`, with the same result, as {@link validatePaper} gives it. */
export const validateDay = fastSafeParse(daySchema);

/**
 * `schema.safeParse`, compiled on first use. Only for schemas whose output is their input: no
 * transforms, defaults, trims or coercions, which the JSON Schema cannot carry.
 */
function fastSafeParse<T>(schema: z.ZodType<T>): (value: T) => z.ZodSafeParseResult<T> {
  let accepts: ValidateFunction | undefined;
  let keysInOrder: (value: unknown) => boolean = () => true;
  return (value) => {
    if (!accepts) {
      const ajv = new Ajv({ strict: true, validateFormats: false, unicodeRegExp: false });
      ajv.addKeyword(UTF16_LENGTH);
      accepts = ajv.compile(ajvSchemaOf(schema));
      keysInOrder = orderCheckOf(schema) ?? keysInOrder;
    }
    if (accepts(value) && keysInOrder(value)) return { success: true, data: value };
    return schema.safeParse(value);
  };
}

/** Bounds of a string's length in UTF-16 units, as zod counts it. */
interface Utf16Length {
  min?: number;
  max?: number;
}

/**
 * The keyword `utf16Length`: JSON Schema's `minLength` and `maxLength` count code points, zod's
 * UTF-16 units, as `String#length` does; compiled inline, where a pattern such as `^[\s\S]{1,300}$`
 * cost a regular expression call on every title.
 */
const UTF16_LENGTH = {
  keyword: 'utf16Length',
  type: 'string',
  schemaType: 'object',
  code(cxt: KeywordCxt) {
    const { data } = cxt;
    const { min = 0, max } = cxt.schema as Utf16Length;
    cxt.fail(
      max === undefined ? _`${data}.length < ${min}` : _`${data}.length < ${min} || ${data}.length > ${max}`,
    );
  },
} as const;

/**
 * zod's JSON Schema of `schema`, its string lengths counted in UTF-16 units (see
 * {@link UTF16_LENGTH}). zod writes its regexes' sources as patterns, without their flags: the
 * schema's regexes have none, and Ajv compiles them without the `u` flag.
 */
export function ajvSchemaOf(schema: z.ZodType): object {
  const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'input' });
  delete json.$schema;
  lengthsInUtf16(json as JsonSchemaNode);
  return json;
}

function lengthsInUtf16(node: JsonSchemaNode): void {
  if (node.minLength !== undefined || node.maxLength !== undefined) {
    node.utf16Length = {
      ...(node.minLength !== undefined ? { min: node.minLength } : {}),
      ...(node.maxLength !== undefined ? { max: node.maxLength } : {}),
    };
    delete node.minLength;
    delete node.maxLength;
  }
  for (const child of Object.values(node.properties ?? {})) lengthsInUtf16(child);
  if (node.items) lengthsInUtf16(node.items);
}

/**
 * A check that every object inside a value of `schema` has only the schema's keys, in its order,
 * or undefined when the schema holds no object. zod builds its output so, dropping other keys.
 */
function orderCheckOf(schema: z.ZodType): ((value: unknown) => boolean) | undefined {
  if (schema instanceof z.ZodOptional) return orderCheckOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray) {
    const element = orderCheckOf(schema.element as z.ZodType);
    return element && ((value) => (value as unknown[]).every(element));
  }
  if (!(schema instanceof z.ZodObject)) return undefined;
  const keys = Object.keys(schema.shape);
  // By the key's place in `keys`: an array read where a map lookup per key cost a third of the check.
  const children = keys.map((key) => orderCheckOf(schema.shape[key] as z.ZodType));
  return (value) => {
    const object = value as Record<string, unknown>;
    let next = 0;
    for (const key in object) {
      // Most often the schema's next key: compared before the rest are searched.
      const at = keys[next] === key ? next : keys.indexOf(key, next);
      if (at === -1) return false;
      next = at + 1;
      const child = children[at];
      if (child && object[key] !== undefined && !child(object[key])) return false;
    }
    return true;
  };
}
