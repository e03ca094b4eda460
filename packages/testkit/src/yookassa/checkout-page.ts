import type { Exchange } from "../openai/http-server.ts";
import type { Ledger } from "./ledger.ts";

const ROUTE = /^\/checkout\/([^/]+)(?:\/(pay|cancel))?$/;

/**
 * The page behind confirmation_url, so a browser (or a test following the redirect)
 * in the local playground can finish a payment: "Pay" succeeds it, "Cancel" cancels it
 * as an abandoned payment would be, and both send the user back to return_url.
 * No webhook is sent from here; tests drive those with sendWebhook.
 */
export function handleCheckout(exchange: Exchange, ledger: Ledger, path: string): boolean {
  const match = ROUTE.exec(path);
  if (!match) return false;
  const { request, response } = exchange;
  request.resume();
  const id = decodeURIComponent(match[1]!);
  const payment = ledger.findPayment(id);
  if (!payment) {
    writeHtml(exchange, 404, "<h1>Payment not found</h1>");
    return true;
  }
  const action = match[2];
  if (action && request.method === "POST") {
    if (payment.status === "pending") {
      if (action === "pay") ledger.succeed(id);
      else ledger.cancel(id, "expired_on_confirmation");
    }
    response.writeHead(303, { location: ledger.returnUrl(id) }).end();
    return true;
  }
  const amount = `${escapeHtml(payment.amount.value)} ${escapeHtml(payment.amount.currency)}`;
  const buttons =
    payment.status === "pending"
      ? `<form method="post" action="/checkout/${encodeURIComponent(id)}/pay"><button>Pay ${amount}</button></form>
<form method="post" action="/checkout/${encodeURIComponent(id)}/cancel"><button>Cancel</button></form>`
      : `<p>Status: ${escapeHtml(payment.status)}</p><a href="${escapeHtml(ledger.returnUrl(id))}">Back to the shop</a>`;
  writeHtml(
    exchange,
    200,
    `<h1>Fake YooKassa checkout</h1>
<p>${escapeHtml(payment.description ?? "Payment")}: ${amount}</p>
<p>Test card 5555 5555 5555 4444</p>
${buttons}`,
  );
  return true;
}

function writeHtml(exchange: Exchange, status: number, body: string): void {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Fake YooKassa</title></head><body>${body}</body></html>`;
  exchange.response
    .writeHead(status, {
      "content-type": "text/html; charset=utf-8",
      "content-length": Buffer.byteLength(html),
    })
    .end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
