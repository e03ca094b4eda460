import { BlockList, isIP } from "node:net";

/**
 * Addresses and CIDR ranges a webhook may come from. YooKassa signs nothing, so its published
 * ranges are the first check (the re-fetch from its API is the second). "*" allows any address.
 */
export function createIpAllowlist(spec: string): (ip: string) => boolean {
  const entries = spec
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.includes("*")) return () => true;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (!isIP(address)) throw new Error(`YOOKASSA_ALLOWED_IPS: ${entry} is not an address or range`);
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (ip) => {
    const plain = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
    const type = isIP(plain);
    return type !== 0 && list.check(plain, type === 6 ? "ipv6" : "ipv4");
  };
}
