// Shared classification codes: GB/T 2260 regions, GB/T 4754 industries, GB 6441 accident
// types and GB 32100 unified social credit codes.
export * from "./gb6441.js";
export * from "./industries.js";
export * from "./regions.js";
export * from "./uscc.js";
