const en = {
  nav: "Audit log",
  title: "Audit log",
  description: "Who did what, and when. Every change made by an operator, an API key or the server.",
  table: "Audit log entries",
  columns: {
    when: "When",
    actor: "Who",
    action: "Action",
    entity: "On",
    details: "Details",
    ip: "IP",
  },
  filters: { actor: "Who", action: "Action", entity: "Entity" },
  actorTypes: { admin: "Operator", api_key: "API key", cli: "Command line", system: "Lumen" },
  search: "Entity id…",
  deleted: "deleted",
};

export default en;
