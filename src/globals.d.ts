/** The core's source fingerprint, set at build time (build/core-hash.ts, vite.config.ts `define`). */
declare const __PANTAU_CORE__: string;
