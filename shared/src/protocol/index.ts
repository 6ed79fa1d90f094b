export * from "./orders.js";
export * from "./messages.js";
export * from "./snapshot.js";
export * from "./classroom.js";
export * from "./refusals.js";
export * from "./server-messages.js";
export * from "./wire.js";
export * from "./reader.js";
