/** The package version recorded in Monte Carlo manifests (kept equal to package.json's; a test checks it). */
export const VERSION = '0.1.0';
