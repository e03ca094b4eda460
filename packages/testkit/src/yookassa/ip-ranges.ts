/**
 * The addresses YooKassa sends notifications from, as published in its webhook docs.
 * A shop's receiver should refuse anything else; tests pick an address inside
 * (e.g. "185.71.76.1") or outside (e.g. "203.0.113.7") to pass as `fromIp`.
 */
export const yookassaIpRanges: readonly string[] = Object.freeze([
  "185.71.76.0/27",
  "185.71.77.0/27",
  "77.75.153.0/25",
  "77.75.156.11",
  "77.75.156.35",
  "77.75.154.128/25",
  "2a02:5180::/32",
]);
