/** The starting point of a policy written by hand. */
export const BLANK_POLICY = `apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata:
  name: my-policy
  type: container
spec:
  containerSelector:
    image: docker.io/library/nginx:*
  mode: audit
  processPolicy:
  - name: nginx
    exe:
    - /usr/sbin/nginx
    id: nginx_0
    euser:
    - root
  networkPolicy:
    ingress: []
    egress: []
  response:
    default:
    - makeRedFlag:
        severity: high
    actions: []
`;
