// Brings the request/reply decorations of the plugins registered in app.ts into every route file.
import "@fastify/cookie";
import "@fastify/rate-limit";
