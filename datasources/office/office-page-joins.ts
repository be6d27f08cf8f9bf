/** The records of the office store's disclosed kinds, read with a catalog page (an entry's `_id` is its record's). */
import type { DocumentJoin } from '../prefetched-documents.js';
import { BROADCASTS } from './broadcast-store.js';
import { LAND_NOTICES } from './land-store.js';
import { DOCUMENTS } from './office-store.js';
import { INTERPRETATIONS, POLICIES } from './policy-store.js';
import { PORTAL_ARTICLES } from './portal-store.js';
import { POWER_LISTS } from './power-list-store.js';

const byEntryId = (from: string): DocumentJoin => ({ from, localField: '_id', foreignField: '_id', as: from });

/** One `_id` lookup per kind's collection: an entry finds its record in one of them and nothing in the others. */
export const OFFICE_PAGE_JOINS: readonly DocumentJoin[] = [DOCUMENTS, POLICIES, INTERPRETATIONS, POWER_LISTS, LAND_NOTICES, PORTAL_ARTICLES, BROADCASTS].map(byEntryId);
