/**
 * Process id renaming when a copied node's id is already taken (spyctl
 * `__unique_id`): split on `_`; a numeric last part is incremented until the id
 * is free (`sh_1` → `sh_2` → `sh_3`), otherwise `_0` is appended (`bash` →
 * `bash_0`, then `bash_1`, …).
 */
export function uniqueId(id: string, taken: ReadonlySet<string>): string {
  let candidate = id;
  // Each step either increments the numeric tail or appends one, so this ends.
  while (taken.has(candidate)) {
    const parts = candidate.split('_');
    const last = parts[parts.length - 1] ?? '';
    if (parts.length > 1 && /^[0-9]+$/.test(last)) {
      parts[parts.length - 1] = String(BigInt(last) + 1n);
    } else {
      parts.push('0');
    }
    candidate = parts.join('_');
  }
  return candidate;
}
