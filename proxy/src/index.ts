/**
 * The Worker entry point (wrangler.toml `main`).
 *
 * One app per isolate: its in-isolate rate-limit windows live as long as the isolate does.
 */
import { createApp } from "./app";

const app = createApp();

export default app;
