import { useState } from 'react';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { LazyCodeEditor } from '../../components/code-editor/lazy-code-editor.tsx';
import { useTheme } from '../../components/theme/use-theme.ts';

const TEMPLATE = `apiVersion: spyderbat/v1
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

export function PolicyEditorPage() {
  const { theme } = useTheme();
  const [text, setText] = useState(TEMPLATE);
  return (
    <>
      <PageHeader title="New policy" description="Write a Spyderbat policy in YAML." />
      <LazyCodeEditor value={text} onChange={setText} path="new-policy.yaml" theme={theme} ariaLabel="Policy YAML" />
    </>
  );
}
