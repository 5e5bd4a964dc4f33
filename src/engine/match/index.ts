export { compileGlob, fnmatch, hasGlob, translateGlob } from './fnmatch.ts';
export { longestCommonSubstring, makeWildcard, makeWildcardOf } from './wildcard.ts';
export type { LongestMatch } from './wildcard.ts';
export {
  cidrContains,
  cidrError,
  compareCidr,
  ipBlockContains,
  ipInCidr,
  isPrivateNetwork,
  networkContains,
  parseCidr,
  parseIp,
} from './cidr.ts';
export type { IpFamily, Network } from './cidr.ts';
export { compileSelectorGroups, compileSelectors, compileSelectorsFull, matchesSelectors, pickSelectors, SELECTOR_NAMES } from './selectors.ts';
export type {
  CompiledExpression,
  CompiledGroup,
  CompiledSelectors,
  ProcessInfo,
  SelectorPredicate,
  SelectorScope,
  SelectorSet,
} from './selectors.ts';
