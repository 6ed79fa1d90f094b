export * from "./orders.js";
export * from "./messages.js";
