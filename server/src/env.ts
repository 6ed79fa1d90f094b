// Imported first by the entry point: production unless told otherwise (NODE_ENV=development), before any library reads
// it — no stack traces in HTTP answers, libraries in their lean mode.
if (!process.env.NODE_ENV) process.env.NODE_ENV = "production";
