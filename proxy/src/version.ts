/**
 * The proxy's version, reported by `/v1/health`: the repository's package.json version, read at build time
 * (wrangler's bundler inlines only this field) so the number has one source.
 */
import { version } from "../../package.json";

export const VERSION: string = version;
