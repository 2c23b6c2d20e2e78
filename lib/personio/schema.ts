import { z } from 'zod';

/**
 * Zod schemas for the parts of Personio's v1 payloads Sidecard reads. Loose where
 * Personio adds fields over time, strict where a wrong shape would store wrong data.
 * Quirks handled here (see shared/personio/API-NOTES.md):
 * - numbers sometimes arrive as strings (`weekly_working_hours: "40"`, `offset`, `limit`);
 * - attributes the credential may not read are absent, not null;
 * - single references are `null` when empty, lists `[]`.
 */

/** A number that may arrive as a numeric string. */
const numeric = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

const orgRefValue = z
  .looseObject({
    type: z.string().optional(),
    attributes: z.looseObject({ id: numeric, name: z.string() }),
  })
  .nullable();

const costCentersValue = z.array(
  z.looseObject({
    attributes: z.looseObject({ id: numeric, name: z.string(), percentage: numeric.nullable().optional() }),
  }),
);

/**
 * A standard attribute, of which only the value is read. Its label, type and universal_id
 * are left out of the parsed result (a plain `z.object` drops unknown keys without walking
 * them): a sync parses some thirty of these per person, on the service worker's one thread.
 */
const wrapped = <T extends z.ZodType>(value: T) => z.object({ value });

const supervisorValue = z
  .looseObject({
    attributes: z.looseObject({
      id: wrapped(numeric),
      first_name: wrapped(z.string().nullable()).optional(),
      last_name: wrapped(z.string().nullable()).optional(),
      preferred_name: wrapped(z.string().nullable()).optional(),
      email: wrapped(z.string().nullable()).optional(),
    }),
  })
  .nullable();

const nullableText = z.string().nullable();

/**
 * The standard attributes we map, each optional (the credential may not grant it).
 * Anything else in `attributes` is kept as a raw attribute for custom fields.
 */
export const employeeAttributesSchema = z.looseObject({
  id: wrapped(numeric),
  email: wrapped(z.string()).optional(),
  first_name: wrapped(nullableText).optional(),
  last_name: wrapped(nullableText).optional(),
  preferred_name: wrapped(nullableText).optional(),
  gender: wrapped(nullableText).optional(),
  status: wrapped(nullableText).optional(),
  position: wrapped(nullableText).optional(),
  employment_type: wrapped(nullableText).optional(),
  weekly_working_hours: wrapped(z.union([numeric, z.literal(''), z.null()])).optional(),
  hire_date: wrapped(nullableText).optional(),
  termination_date: wrapped(nullableText).optional(),
  created_at: wrapped(nullableText).optional(),
  last_modified_at: wrapped(nullableText).optional(),
  profile_picture: wrapped(nullableText).optional(),
  department: wrapped(orgRefValue).optional(),
  office: wrapped(orgRefValue).optional(),
  team: wrapped(orgRefValue).optional(),
  subcompany: wrapped(orgRefValue).optional(),
  supervisor: wrapped(supervisorValue).optional(),
  cost_centers: wrapped(costCentersValue.nullable()).optional(),
});

export const rawEmployeeSchema = z.looseObject({
  type: z.literal('Employee').optional(),
  attributes: employeeAttributesSchema,
});
export type RawEmployee = z.infer<typeof rawEmployeeSchema>;

export const employeesPageSchema = z.looseObject({
  success: z.literal(true),
  metadata: z
    .looseObject({
      total_elements: numeric.optional(),
      current_page: numeric.optional(),
      total_pages: numeric.optional(),
    })
    .optional(),
  offset: numeric.optional(),
  limit: numeric.optional(),
  data: z.array(rawEmployeeSchema),
});
export type EmployeesPage = z.infer<typeof employeesPageSchema>;

export const authResponseSchema = z.looseObject({
  success: z.literal(true),
  data: z.looseObject({
    token: z.string().min(1),
    expires_in: numeric.optional(),
    scope: z.string().optional(),
  }),
});

export const attributeDefinitionSchema = z.looseObject({
  key: z.string(),
  label: z.string(),
  type: z.string().optional(),
  universal_id: z.string().nullable().optional(),
  options: z.array(z.unknown()).optional(),
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
      category: z.string().nullable().optional(),
      balance: numeric.nullable().optional(),
      available_balance: numeric.nullable().optional(),
    }),
  ),
});

const timeOffEmployee = z.looseObject({ attributes: z.looseObject({ id: wrapped(numeric) }) });

export const timeOffsPageSchema = z.looseObject({
  success: z.literal(true),
  metadata: z
    .looseObject({ total_elements: numeric.optional(), current_page: numeric.optional(), total_pages: numeric.optional() })
    .optional(),
  data: z.array(
    z.looseObject({
      attributes: z.looseObject({
        id: numeric,
        status: z.string().optional(),
        start_date: z.string(),
        end_date: z.string(),
        half_day_start: z.union([z.boolean(), numeric]).optional(),
        half_day_end: z.union([z.boolean(), numeric]).optional(),
        time_off_type: z
          .looseObject({ attributes: z.looseObject({ name: z.string().optional(), category: z.string().nullable().optional() }) })
          .optional(),
        employee: timeOffEmployee,
      }),
    }),
  ),
});
export type TimeOffsPage = z.infer<typeof timeOffsPageSchema>;

/** "data[3].attributes.email.value" from a zod issue path: names the field in errors. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected payload';
  const path = issue.path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );
  return `${path || 'payload'}: ${issue.message}`;
}
