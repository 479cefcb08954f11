/** The operator's contact information: company or individual, one of the two (guesses: the account). */
import {
  type ContactInput,
  type ContactKind,
  cleanContact,
  contactProblems,
  contactRules,
} from '../../../../common/contactInformation';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound } from '../../errors';

const problemText: Record<string, string> = {
  required: 'is required',
  tooLong: `must be at most ${contactRules.fieldLength} characters`,
  country: 'must be a country code of two capital letters',
  phone: 'must be a phone number (6 to 20 digits, spaces, + - ( ))',
  vatInJapan: 'is only for a company outside Japan',
};

function checked(kind: ContactKind, body: Record<string, unknown>): ContactInput {
  const input: ContactInput = {};
  for (const [field, value] of Object.entries(body)) {
    if (typeof value === 'string') input[field as keyof ContactInput] = value;
  }
  const first = Object.entries(contactProblems(kind, input))[0];
  if (first) throw badRequest(`Request body: '${first[0]}' ${problemText[first[1]] ?? 'is not valid'}.`);
  return cleanContact(kind, input);
}

const label: Record<ContactKind, string> = { company: 'company information', individual: 'individual information' };

function get(kind: ContactKind): Handler {
  return (ctx) => {
    const { operatorId } = caller(ctx);
    const contact = ctx.stores.account.contact(operatorId);
    if (contact?.kind !== kind) throw notFound(`The operator has no ${label[kind]}.`);
    return { status: 200, body: contact.doc };
  };
}

/** Creating one kind replaces the other kind (switching); creating the kind the operator has is refused. */
function create(kind: ContactKind): Handler {
  return (ctx: Ctx<Record<string, unknown>>) => {
    const { operatorId } = caller(ctx);
    const doc = checked(kind, ctx.body);
    if (ctx.stores.account.contact(operatorId)?.kind === kind) {
      throw badRequest(`The operator has ${label[kind]} already: update it instead.`, codes.alreadyExists);
    }
    ctx.stores.account.putContact(operatorId, kind, doc, ctx.now);
    return { status: 201 };
  };
}

function update(kind: ContactKind): Handler {
  return (ctx: Ctx<Record<string, unknown>>) => {
    const { operatorId } = caller(ctx);
    const doc = checked(kind, ctx.body);
    if (ctx.stores.account.contact(operatorId)?.kind !== kind) throw notFound(`The operator has no ${label[kind]}.`);
    ctx.stores.account.putContact(operatorId, kind, doc, ctx.now);
    return { status: 200 };
  };
}

export const contactHandlers = {
  getCompanyInformation: get('company'),
  createCompanyInformation: create('company'),
  updateCompanyInformation: update('company'),
  getIndividualInformation: get('individual'),
  createIndividualInformation: create('individual'),
  updateIndividualInformation: update('individual'),
} satisfies Handlers;
