import { z } from "zod";

/** The response schema of a 204: documented as empty, sent as nothing. */
export const noContent = z.null().describe("No content");
