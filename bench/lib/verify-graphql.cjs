'use strict';
/**
 * autocannon `verifyBody` (loaded by path in its worker thread): a response counts as a
 * mismatch unless it is a GraphQL result with data and without errors.
 */
module.exports = function verifyGraphql(body) {
  return typeof body === 'string' && body.startsWith('{"data":{') && !body.includes('"errors":');
};
