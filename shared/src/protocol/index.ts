export * from "./orders.js";
export * from "./messages.js";
export * from "./snapshot.js";
export * from "./classroom.js";
