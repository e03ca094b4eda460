import { camelKeys, sortParts } from "@lumen/contracts";

type ListQuery = { sort: string; q?: string | undefined; [key: string]: unknown };

/**
 * An admin list's validated query as the core verb takes it: camelCase keys, `sort=created.desc`
 * split into sort and direction, `q` (the panel's search box) as search. The verb validates again.
 */
// biome-ignore lint/suspicious/noExplicitAny: each verb parses its own input schema
export function listInput({ sort, q, ...rest }: ListQuery): any {
  return { ...camelKeys(rest), ...sortParts(sort), search: q };
}
