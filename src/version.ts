/** The package version, set at build time from package.json. */
declare global {
  const __EXECPLAN_VERSION__: string;
}
export const VERSION: string = typeof __EXECPLAN_VERSION__ === 'string' ? __EXECPLAN_VERSION__ : '0.0.0-dev';
