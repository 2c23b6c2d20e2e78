import * as z from 'zod/mini';

/**
 * Zod schemas for the parts of Personio's v1 payloads Sidecard reads. Loose where
 * Personio adds fields over time, strict where a wrong shape would store wrong data.
 * Quirks handled here (the simulator in test/personio-sim serves them too):
 * - numbers sometimes arrive as strings (`weekly_working_hours: "40"`, `offset`, `limit`);
 * - attributes the credential may not read are absent, not null;
 * - single references are `null` when empty, lists `[]`.
 */

/** A number that may arrive as a numeric string. */
const numeric = z.union([z.number(), z.pipe(z.string().check(z.regex(/^-?\d+(\.\d+)?$/)), z.transform(Number))]);

const orgRefValue = z.nullable(
  z.looseObject({
    type: z.optional(z.string()),
    attributes: z.looseObject({ id: numeric, name: z.string() }),
  }),
);

const costCentersValue = z.array(
  z.looseObject({
    attributes: z.looseObject({ id: numeric, name: z.string(), percentage: z.optional(z.nullable(numeric)) }),
  }),
);

/**
 * A standard attribute whose value is parsed (a number that may arrive as text, a reference).
 * Its label, type and universal_id are left out of the result (a plain `z.object` drops
 * unknown keys without walking them).
 */
const wrapped = <T extends z.ZodMiniType>(value: T) => z.object({ value });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * A text attribute, `{ value: text or null }`, checked in place rather than parsed into a
 * copy: a sync reads a dozen of these per person, and copying them was about a third of a
 * page's validation time, and garbage to collect (`BENCH_PROFILE=1 npm run bench`). Its label,
 * type and universal_id stay on it, unread.
 */
const wrappedText = z.custom<{ value: string | null }>((v) => isRecord(v) && (v.value === null || typeof v.value === 'string'), 'expected { value: text or null }');
const wrappedString = z.custom<{ value: string }>((v) => isRecord(v) && typeof v.value === 'string', 'expected { value: text }');

const supervisorValue = z.nullable(
  z.looseObject({
    attributes: z.looseObject({
      id: wrapped(numeric),
      first_name: z.optional(wrappedText),
      last_name: z.optional(wrappedText),
      preferred_name: z.optional(wrappedText),
      email: z.optional(wrappedText),
    }),
  }),
);

/**
 * The standard attributes we map, each optional (the credential may not grant it).
 * Anything else in `attributes` is kept as a raw attribute for custom fields (and, unread,
 * the record timestamps the sync asks for only to select who changed).
 */
export const employeeAttributesSchema = z.looseObject({
  id: wrapped(numeric),
  email: z.optional(wrappedString),
  first_name: z.optional(wrappedText),
  last_name: z.optional(wrappedText),
  preferred_name: z.optional(wrappedText),
  gender: z.optional(wrappedText),
  status: z.optional(wrappedText),
  position: z.optional(wrappedText),
  employment_type: z.optional(wrappedText),
  weekly_working_hours: z.optional(wrapped(z.union([numeric, z.literal(''), z.null()]))),
  hire_date: z.optional(wrappedText),
  termination_date: z.optional(wrappedText),
  profile_picture: z.optional(wrappedText),
  department: z.optional(wrapped(orgRefValue)),
  office: z.optional(wrapped(orgRefValue)),
  team: z.optional(wrapped(orgRefValue)),
  subcompany: z.optional(wrapped(orgRefValue)),
  supervisor: z.optional(wrapped(supervisorValue)),
  cost_centers: z.optional(wrapped(z.nullable(costCentersValue))),
});

export const rawEmployeeSchema = z.looseObject({
  type: z.optional(z.literal('Employee')),
  attributes: employeeAttributesSchema,
});
export type RawEmployee = z.infer<typeof rawEmployeeSchema>;

/** Paging facts; Personio sends them as numbers or numeric strings. */
const pageMetadata = z.optional(
  z.looseObject({
    total_elements: z.optional(numeric),
    current_page: z.optional(numeric),
    total_pages: z.optional(numeric),
  }),
);

export const employeesPageSchema = z.looseObject({
  success: z.literal(true),
  metadata: pageMetadata,
  offset: z.optional(numeric),
  limit: z.optional(numeric),
  data: z.array(rawEmployeeSchema),
});
export type EmployeesPage = z.infer<typeof employeesPageSchema>;

export const authResponseSchema = z.looseObject({
  success: z.literal(true),
  data: z.looseObject({
    token: z.string().check(z.minLength(1)),
    expires_in: z.optional(numeric),
    scope: z.optional(z.string()),
  }),
});

export const attributeDefinitionSchema = z.looseObject({
  key: z.string(),
  label: z.string(),
  type: z.optional(z.string()),
  universal_id: z.optional(z.nullable(z.string())),
  options: z.optional(z.array(z.unknown())),
});
export type AttributeDefinition = z.infer<typeof attributeDefinitionSchema>;

export const attributesResponseSchema = z.looseObject({
  success: z.literal(true),
  data: z.array(attributeDefinitionSchema),
});

export const balanceResponseSchema = z.looseObject({
  success: z.literal(true),
  data: z.array(
    z.looseObject({
      id: numeric,
      name: z.string(),
      category: z.optional(z.nullable(z.string())),
      balance: z.optional(z.nullable(numeric)),
      available_balance: z.optional(z.nullable(numeric)),
    }),
  ),
});

const timeOffEmployee = z.looseObject({ attributes: z.looseObject({ id: wrapped(numeric) }) });

export const timeOffsPageSchema = z.looseObject({
  success: z.literal(true),
  metadata: pageMetadata,
  data: z.array(
    z.looseObject({
      attributes: z.looseObject({
        id: numeric,
        status: z.optional(z.string()),
        start_date: z.string(),
        end_date: z.string(),
        half_day_start: z.optional(z.union([z.boolean(), numeric])),
        half_day_end: z.optional(z.union([z.boolean(), numeric])),
        time_off_type: z.optional(
          z.looseObject({ attributes: z.looseObject({ name: z.optional(z.string()), category: z.optional(z.nullable(z.string())) }) }),
        ),
        employee: timeOffEmployee,
      }),
    }),
  ),
});
export type TimeOffsPage = z.infer<typeof timeOffsPageSchema>;

/** "data[3].attributes.email.value" from a zod issue path: names the field in errors. */
export function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected payload';
  const path = issue.path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );
  return `${path || 'payload'}: ${issue.message}`;
}
