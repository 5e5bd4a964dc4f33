/** Route paths, in one place. */
export const paths = {
  dashboard: '/',
  clusters: '/clusters',
  fingerprints: '/fingerprints',
  policies: '/policies',
  policyNew: '/policies/new',
  rulesets: '/rulesets',
  settings: '/settings',
} as const;
