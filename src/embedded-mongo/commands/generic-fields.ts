/**
 * Fields any command may carry that say how to run it rather than what to do
 * (sessions, read/write concerns, API version…); handlers never treat them
 * as options.
 */
export const GENERIC_FIELDS = [
  '$db',
  'lsid',
  '$clusterTime',
  '$readPreference',
  'writeConcern',
  'readConcern',
  'comment',
  'maxTimeMS',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
  'txnNumber',
  'autocommit',
  'startTransaction',
  '$audit',
  '$client',
] as const;
