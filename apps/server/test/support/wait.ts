/**
 * Options for `vi.waitFor` when what is awaited happens in another process or a queued job:
 * its default gives up after 1 s, which two busy shared cores can exceed without anything being wrong.
 */
export const wait = { timeout: 15_000, interval: 100 };
