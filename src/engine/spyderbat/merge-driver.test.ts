import { describe, expect, it } from 'vitest';
import type { Json } from './inputs.ts';
import { mergeFields, POLICY_METADATA_SCHEMA, specSchema } from './merge-driver.ts';
import type { FieldMerge, MergeStep } from './merge-driver.ts';

const keep: FieldMerge = (base) => base;
const schema = specSchema(keep, keep);

function step(symmetric: boolean, losses: string[] = []): MergeStep {
  return { symmetric, onSelectorLoss: (path, _b, _o, whole) => losses.push(`${whole ? 'whole' : 'field'}:${path}`), onWildcard: () => undefined };
}

describe('schema-driven merge', () => {
  it('deletes keys the schema does not know, at every level it visits', () => {
    const data: Json = { containerSelector: { image: 'a:1', junk: 1 }, junk: true, mode: 'audit' };
    mergeFields(data, { containerSelector: { image: 'a:1' } }, schema, step(false), 'spec');
    expect(data).toEqual({ containerSelector: { image: 'a:1' }, mode: 'audit' });
    const meta: Json = { name: 'n', type: 'container', cluster_name: 'c', namespace: 'x', latestTimestamp: 1 };
    mergeFields(meta, {}, POLICY_METADATA_SCHEMA, step(false), 'metadata');
    expect(meta).toEqual({ name: 'n', type: 'container', latestTimestamp: 1 });
  });
  it('symmetric: a selector on one side only is deleted; a field missing on one side is dropped', () => {
    const losses: string[] = [];
    const data: Json = { podSelector: { matchLabels: { app: 'x' } }, containerSelector: { image: 'a:1', containerName: 'web' } };
    mergeFields(data, { containerSelector: { image: 'a:1' } }, schema, step(true, losses), 'spec');
    expect(data).toEqual({ containerSelector: { image: 'a:1' } });
    expect(losses).toEqual(['field:spec.containerSelector.containerName', 'whole:spec.podSelector']);
  });
  it('symmetric: a non-selector object missing from the base is copied from the other side', () => {
    const data: Json = {};
    mergeFields(data, { networkPolicy: { ingress: [], egress: [] } }, schema, step(true), 'spec');
    expect(data).toEqual({ networkPolicy: { ingress: [], egress: [] } });
  });
  it('asymmetric: missing values on the other side keep the base; an emptied selector is deleted', () => {
    const losses: string[] = [];
    const data: Json = { containerSelector: { image: 'a:1*' }, podSelector: { matchLabels: { app: 'x' } }, enabled: false };
    mergeFields(data, { containerSelector: { image: 'b:2' } }, schema, step(false, losses), 'spec');
    expect(data).toEqual({ podSelector: { matchLabels: { app: 'x' } }, enabled: false });
    expect(losses).toEqual(['field:spec.containerSelector.image', 'whole:spec.containerSelector']);
  });
});
