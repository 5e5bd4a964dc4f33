import { PageHeader } from '../../components/ui/page-header.tsx';

export function RedFlagsPage() {
  return <PageHeader title="Red flags" description="Red flags raised by enforcing policies and detections." />;
}
