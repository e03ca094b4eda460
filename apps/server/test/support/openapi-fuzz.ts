import fc from "fast-check";

/** The part of JSON Schema that Lumen's OpenAPI document uses (zod → OpenAPI 3.0). */
export type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  nullable?: boolean;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  $ref?: string;
};

type Parameter = { in: "path" | "query" | "header"; name: string; required?: boolean; schema: JsonSchema };
type Operation = {
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export type FuzzOperation = { method: string; path: string; operation: Operation };

/** One generated request, as plain data so a failure prints what to replay. */
export type FuzzRequest = {
  /** The operation, as the document names it: "POST /api/v1/users/{id}/trial". */
  route: string;
  method: string;
  url: string;
  auth: "owner" | "none" | "garbage";
  headers: Record<string, string>;
  body?: string;
};

/** Values the fixtures made (ids, codes, tokens): generated fields pick them often, to get past lookups. */
export type FuzzPool = {
  uuids: string[];
  strings: string[];
  /** Only values that fit the schema, to get past validation into the verbs more often. */
  strict?: boolean;
};

const INT_EDGES = [
  0,
  1,
  -1,
  2,
  7,
  100,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53 - 1,
  2 ** 53,
  -(2 ** 53),
  1e21,
  -1e21,
  0.5,
  -0,
];
const STRING_EDGES = [
  "",
  " ",
  "a",
  "x".repeat(256),
  "x".repeat(5000),
  "NaN",
  "Infinity",
  "-1",
  "2147483648",
  "9007199254740993",
  "1e309",
  "0x10",
  "null",
  "true",
  "\u0000",
  "'; drop table users; --",
  "%00%ff",
  "../../etc/passwd",
  "Привет, мир",
  "👩‍👩‍👧‍👦🔥",
  "\u202eevil",
  "\ud800",
  "<script>alert(1)</script>",
];
const WRONG_TYPES: unknown[] = [null, true, false, 0, -1, 1.5, "", "text", [], [1, "a"], {}, { a: 1 }];

const anyJson = fc.oneof(fc.constantFrom(...WRONG_TYPES), fc.string(), fc.integer(), fc.double());

function resolveRef(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split("/").at(-1) ?? "";
  return doc.components?.schemas?.[name] ?? {};
}

function integerArb(schema: JsonSchema, strict: boolean): fc.Arbitrary<unknown> {
  const min = Math.max(schema.minimum ?? -1_000_000, -1_000_000);
  const max = Math.min(schema.maximum ?? 1_000_000, 1_000_000);
  const inRange = min <= max ? fc.integer({ min, max }) : fc.integer();
  const small = fc.integer({ min: Math.max(min, -5), max: Math.max(Math.min(max, 50), Math.max(min, -5)) });
  if (strict) return fc.oneof(small, inRange);
  return fc.oneof(
    { arbitrary: small, weight: 4 },
    { arbitrary: inRange, weight: 3 },
    { arbitrary: fc.constantFrom(...INT_EDGES), weight: 3 },
    { arbitrary: fc.constantFrom("12", "NaN", "1e3", null), weight: 1 },
  );
}

function stringArb(schema: JsonSchema, pool: FuzzPool): fc.Arbitrary<unknown> {
  if (pool.strict && schema.format === "uuid")
    return fc.constantFrom(...pool.uuids, "00000000-0000-4000-8000-000000000000");
  if (pool.strict && schema.format === "email") return fc.emailAddress();
  if (pool.strict && schema.format === "date-time") {
    return fc
      .date({ min: new Date("2020-01-01"), max: new Date("2040-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  if (schema.format === "uuid") {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...(pool.uuids.length ? pool.uuids : ["x"])), weight: 6 },
      { arbitrary: fc.uuid(), weight: 2 },
      {
        arbitrary: fc.constantFrom(
          "00000000-0000-0000-0000-000000000000",
          "ffffffff-ffff-ffff-ffff-ffffffffffff",
          "not-a-uuid",
          "",
        ),
        weight: 1,
      },
    );
  }
  if (schema.format === "email") {
    return fc.oneof(
      { arbitrary: fc.emailAddress(), weight: 3 },
      { arbitrary: fc.constantFrom("owner@example.com", "bad", "a@b", `${"x".repeat(300)}@e.co`), weight: 1 },
    );
  }
  if (schema.format === "date-time") {
    return fc.oneof(
      { arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), weight: 3 },
      {
        arbitrary: fc.constantFrom(
          "2026-13-45T99:00:00Z",
          "0000-01-01T00:00:00Z",
          "+275760-09-13T00:00:00.000Z",
          "yesterday",
        ),
        weight: 1,
      },
    );
  }
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 64, 64);
  const fitting = fc.string({ minLength: Math.min(min, max), maxLength: max });
  if (pool.strict) return fitting;
  return fc.oneof(
    { arbitrary: fitting, weight: 4 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: max }), weight: 2 },
    { arbitrary: fc.constantFrom(...STRING_EDGES), weight: 2 },
    ...(pool.strings.length ? [{ arbitrary: fc.constantFrom(...pool.strings), weight: 3 }] : []),
  );
}

/** Values for a schema: mostly fitting it, sometimes at its edges, sometimes of the wrong type. */
export function valueFor(
  doc: OpenApiDocument,
  raw: JsonSchema,
  pool: FuzzPool,
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolveRef(doc, raw);
  const variants = schema.oneOf ?? schema.anyOf;
  let fitting: fc.Arbitrary<unknown>;
  if (variants?.length) {
    fitting = fc.oneof(...variants.map((v) => valueFor(doc, v, pool, depth + 1)));
  } else if (schema.enum?.length && pool.strict) {
    fitting = fc.constantFrom(...schema.enum);
  } else if (schema.enum?.length) {
    fitting = fc.oneof(
      { arbitrary: fc.constantFrom(...schema.enum), weight: 8 },
      { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
    );
  } else if (schema.type === "integer" || schema.type === "number") {
    fitting = integerArb(schema, pool.strict === true);
  } else if (schema.type === "string") {
    fitting = stringArb(schema, pool);
  } else if (schema.type === "boolean") {
    fitting = fc.oneof(
      { arbitrary: fc.boolean(), weight: 8 },
      { arbitrary: fc.constantFrom("true", 1), weight: 1 },
    );
  } else if (schema.type === "array") {
    const item = depth > 4 ? anyJson : valueFor(doc, schema.items ?? {}, pool, depth + 1);
    fitting = fc.oneof(
      { arbitrary: fc.array(item, { maxLength: 4 }), weight: 8 },
      { arbitrary: fc.array(item, { minLength: 50, maxLength: 300 }), weight: 1 },
    );
  } else if (schema.type === "object" || schema.properties) {
    fitting = depth > 4 ? fc.constant({}) : objectFor(doc, schema, pool, depth);
  } else {
    fitting = anyJson;
  }
  if (pool.strict) return schema.nullable ? fc.option(fitting, { freq: 8, nil: null }) : fitting;
  return fc.oneof(
    { arbitrary: fitting, weight: 12 },
    { arbitrary: fc.constantFrom(...WRONG_TYPES), weight: 1 },
    ...(schema.nullable ? [{ arbitrary: fc.constant(null), weight: 1 }] : []),
  );
}

function objectFor(doc: OpenApiDocument, schema: JsonSchema, pool: FuzzPool, depth: number) {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {}).map(([name, prop]) =>
    fc.tuple(
      fc.constant(name),
      valueFor(doc, prop, pool, depth + 1),
      // Required fields are nearly always present; optional ones half of the time.
      fc.integer({ min: 0, max: 99 }).map((n) => (required.has(name) ? pool.strict || n < 94 : n < 50)),
    ),
  );
  const extra = fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), anyJson), { freq: 8 });
  return fc.tuple(fc.tuple(...entries), extra).map(([fields, more]) => {
    const out: Record<string, unknown> = {};
    for (const [name, value, present] of fields) if (present) out[name] = value;
    if (more && !pool.strict) out[more[0]] = more[1];
    return out;
  });
}

const asParam = (value: unknown) =>
  (value === null || typeof value !== "object" ? String(value) : JSON.stringify(value)).toWellFormed();

/**
 * Every operation of the document, each as an arbitrary of requests to it. Live streams
 * (text/event-stream) are left out: they stay open by design, and inject waits for the end.
 */
export function operationsOf(doc: OpenApiDocument): FuzzOperation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, operation]) => !operation.summary?.includes("text/event-stream"))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
}

export function requestFor(
  doc: OpenApiDocument,
  op: FuzzOperation,
  pool: FuzzPool,
): fc.Arbitrary<FuzzRequest> {
  const params = op.operation.parameters ?? [];
  const paramValues = fc.tuple(
    ...params.map((p) =>
      fc.tuple(
        fc.constant(p),
        valueFor(doc, p.schema, pool),
        fc.integer({ min: 0, max: 99 }).map((n) => (p.required ? n < 96 : n < 50)),
      ),
    ),
  );
  const schema = op.operation.requestBody?.content?.["application/json"]?.schema;
  const body: fc.Arbitrary<{ text?: string; type?: string }> = schema
    ? fc.oneof(
        { arbitrary: valueFor(doc, schema, pool).map((v) => ({ text: JSON.stringify(v) })), weight: 15 },
        {
          arbitrary: valueFor(doc, schema, { ...pool, strict: true }).map((v) => ({
            text: JSON.stringify(v),
          })),
          weight: 15,
        },
        {
          arbitrary: fc.constantFrom("{", "[1,", '{"a":1}{', "null", '"x"', "").map((t) => ({ text: t })),
          weight: 1,
        },
        { arbitrary: fc.constant({ text: "a=1&b=2", type: "application/x-www-form-urlencoded" }), weight: 1 },
        { arbitrary: fc.constant({}), weight: 1 },
      )
    : fc.oneof(
        { arbitrary: fc.constant({}), weight: 9 },
        { arbitrary: fc.constant({ text: "{}" }), weight: 1 },
      );
  const auth = fc.constantFrom<FuzzRequest["auth"]>(
    "owner",
    "owner",
    "owner",
    "owner",
    "owner",
    "owner",
    "none",
    "garbage",
  );
  const forwardedFor = fc.option(fc.constantFrom("1.2.3.4", "::1, 10.0.0.1", "garbage", "999.1.1.1"), {
    freq: 10,
  });
  return fc.tuple(paramValues, body, auth, forwardedFor).map(([values, payload, who, xff]) => {
    let url = op.path;
    const query = new URLSearchParams();
    const headers: Record<string, string> = {};
    for (const [param, value, present] of values) {
      if (param.in === "path") {
        url = url.replace(`{${param.name}}`, encodeURIComponent(present ? asParam(value) : "") || "%20");
      } else if (present && param.in === "query") {
        query.set(param.name, asParam(value));
      } else if (present && param.in === "header") {
        headers[param.name] = asParam(value).replace(/[^\x20-\x7e]/g, "?");
      }
    }
    if (xff) headers["x-forwarded-for"] = xff;
    if (payload.text !== undefined) headers["content-type"] = payload.type ?? "application/json";
    const qs = query.toString();
    return {
      route: `${op.method} ${op.path}`,
      method: op.method,
      url: qs ? `${url}?${qs}` : url,
      auth: who,
      headers,
      ...(payload.text !== undefined ? { body: payload.text } : {}),
    };
  });
}
