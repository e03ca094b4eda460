import { parseArgs } from "node:util";

/** Options shared by every command; unknown flags are an error, not silently ignored. */
export function parseCommandLine(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: "string", default: "all" },
      workers: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      "admin-role": { type: "string" },
      "key-role": { type: "string" },
      "password-stdin": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  return { command: positionals.join(" "), values };
}

export const usage = `Usage: npm run lumen -- <command> [options]

Commands:
  start [--role all|api|worker] [--workers N]
                                      run Lumen (default role: all = API + bots + jobs); on
                                      PostgreSQL, HTTP and webhooks are served by N processes
                                      (default: the core count), jobs and polling by one of them
  migrate                             apply database migrations and exit
  demo                                add demo data once: credit packs, plans, a digital item, promo code DEMO20, a partner
  admin create --email <email> [--admin-role owner|admin|operator] [--password-stdin]
                                      create an operator (prompts for the password)
  api-key create --name <name> [--key-role owner|admin|operator]
                                      create an API key for a service (printed once)
  secret rotate                       re-encrypt every bot token under a new key: the old one is
                                      LUMEN_SECRET, the new one is read from stdin
`;
