export * from "./get-product.ts";
export * from "./list-catalog.ts";
export * from "./manage-products.ts";
export * from "./product-input.ts";
export * from "./reorder-products.ts";
export * from "./seed-demo-catalog.ts";
