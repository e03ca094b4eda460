import { accessEventKind } from "@lumen/contracts";
import { z } from "zod";
import { tableSearch } from "../../components/data-table/use-table-url-state.ts";

/** The channel page's access log state in the URL: paging plus the event kind and the person. */
export const channelSearch = tableSearch.extend({
  kind: accessEventKind.optional().catch(undefined),
  user_id: z.uuid().optional().catch(undefined),
});

export type ChannelSearch = z.output<typeof channelSearch>;
