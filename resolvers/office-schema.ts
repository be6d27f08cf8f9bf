/** The resolvers and the interface-only types of the office store's record kinds, for the schema builder. */
import { Interpretation } from '../schema/interpretation.type.js';
import { PolicyDocument } from '../schema/policy-document.type.js';
import { AttachmentResolver, InterpretationResolver, PolicyDocumentResolver } from './policy.resolver.js';

/** Resolver classes of the office kinds. */
export const OFFICE_RESOLVERS = [PolicyDocumentResolver, InterpretationResolver, AttachmentResolver] as const;

/** Types reachable only through `Disclosure` or `Node`. */
export const OFFICE_TYPES = [PolicyDocument, Interpretation];
