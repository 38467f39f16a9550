/**
 * The request helpers live in the contract (one definition: well-formed Unicode, NFC, no NUL); server code
 * that validates outside a route's schema (safety-route answers) takes the same ones from here.
 */
export {
  date,
  id,
  idParams,
  optionalText,
  paging,
  plainText,
  searchText,
  text,
  unicodeText,
  version,
} from '@nestwerk/contract';
