import { z } from 'zod';
import { id, isoDate, isoDateTime, noInput, requiredText, shortText } from './common';

/** Anyone who runs an account, employed or not (bebington: "including volunteers or parents"). */
export const personRoleSchema = z.enum([
  'headteacher',
  'slt',
  'governor',
  'administrator',
  'staff',
  'volunteer',
  'parent',
  'contractor',
]);
export type PersonRole = z.infer<typeof personRoleSchema>;
export const personRoleLabels: Record<PersonRole, string> = {
  headteacher: 'Headteacher',
  slt: 'Senior leadership (SLT)',
  governor: 'Governor',
  administrator: 'Account administrator',
  staff: 'Staff',
  volunteer: 'Volunteer',
  parent: 'Parent or carer',
  contractor: 'Contractor',
};

export const personStatusSchema = z.enum(['active', 'leaving', 'left']);
export type PersonStatus = z.infer<typeof personStatusSchema>;

const optionalDate = z.union([isoDate, z.null()]).default(null);

export const personInputSchema = z
  .object({
    name: requiredText('Name', 120),
    jobTitle: shortText(120).default(''),
    workEmail: z.union([z.literal(''), z.email('Enter a valid email address').max(254)]).default(''),
    roles: z.array(personRoleSchema).min(1, 'Choose at least one role').max(8).default(['staff']),
    status: personStatusSchema.default('active'),
    leavingOn: optionalDate,
    leftOn: optionalDate,
    policyAcknowledgedOn: optionalDate,
    trainingCompletedOn: optionalDate,
  })
  .strict()
  .refine((p) => p.status !== 'leaving' || p.leavingOn !== null, {
    message: 'Give the leaving date',
    path: ['leavingOn'],
  })
  .refine((p) => p.status !== 'left' || p.leftOn !== null, { message: 'Give the date they left', path: ['leftOn'] });
export type PersonInput = z.input<typeof personInputSchema>;

export const personSchema = z.object({
  id,
  name: z.string(),
  jobTitle: z.string(),
  workEmail: z.string(),
  roles: z.array(personRoleSchema),
  status: personStatusSchema,
  leavingOn: isoDate.nullable(),
  leftOn: isoDate.nullable(),
  policyAcknowledgedOn: isoDate.nullable(),
  trainingCompletedOn: isoDate.nullable(),
  /** Set when an import added them from a name only: check their details (cleared when they are saved). */
  importCheck: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Person = z.infer<typeof personSchema>;

/** A person's page: everything they lead or hold. */
export const personDetailSchema = personSchema.extend({
  leads: z.array(z.object({ accountId: id, label: z.string() })),
  holds: z.array(z.object({ accountId: id, label: z.string(), since: isoDate })),
  runs: z.array(z.object({ accountId: id, label: z.string() })),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const peopleChannels = {
  'people.list': { input: noInput, output: z.array(personSchema) },
  'people.get': { input: z.object({ id }).strict(), output: personDetailSchema },
  'people.create': { input: personInputSchema, output: personSchema },
  'people.update': { input: z.object({ id, person: personInputSchema }).strict(), output: personSchema },
  /** A sheet for them to sign (tpat 8), naming the policy and the accounts they run; saved as a PDF. */
  'people.printAcknowledgement': {
    input: z.object({ id }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
} as const;
