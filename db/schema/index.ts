export * from "./auth";
export * from "./columns";
export * from "./ingest";
export * from "./interaction";
export * from "./media";
export * from "./users";
