/**
 * Screenshots an HTML file with headless Chromium's command line (Debian's `chromium` package),
 * so snapshots need no browser automation package. One process per screenshot, a throwaway
 * profile, no network services: the page is local and self-contained.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** The Chromium binary: $CHROMIUM, else `chromium` or `chromium-browser` on the PATH. */
export function findChromium(): string {
	const candidates = [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
		(c): c is string => typeof c === "string" && c.length > 0,
	);
	for (const candidate of candidates) {
		if (existsSync(candidate)) return candidate;
	}
	throw new Error("no Chromium found: install Debian's package (apt-get install -y chromium) or set CHROMIUM to its path");
}

/** The command line that screenshots `htmlFile` into `pngFile` at `width` x `height` pixels. */
export function chromiumArgs(htmlFile: string, pngFile: string, width: number, height: number, profile: string): string[] {
	return [
		"--headless",
		"--no-sandbox",
		"--disable-gpu",
		"--disable-background-networking",
		"--disable-component-update",
		"--disable-sync",
		"--no-first-run",
		"--hide-scrollbars",
		"--force-device-scale-factor=1",
		`--user-data-dir=${profile}`,
		`--screenshot=${pngFile}`,
		`--window-size=${width},${height}`,
		pathToFileURL(htmlFile).href,
	];
}

/** Screenshots `htmlFile` into `pngFile`; returns the command that ran (for the record). */
export function screenshot(htmlFile: string, pngFile: string, width: number, height: number): string[] {
	const binary = findChromium();
	const profile = mkdtempSync(join(tmpdir(), "vector-snapshot-"));
	try {
		const args = chromiumArgs(htmlFile, pngFile, width, height, profile);
		const result = spawnSync(binary, args, { encoding: "utf8", timeout: 60_000 });
		if (result.error) throw result.error;
		if (result.status !== 0 || !existsSync(pngFile)) {
			throw new Error(`chromium failed (exit ${result.status}): ${result.stderr.trim().split("\n").slice(-5).join("\n")}`);
		}
		return [binary, ...args];
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
}
