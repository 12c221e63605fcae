/**
 * The widget states `npm run snapshots` renders (snapshots.ts), each driven the way a person gets
 * there: typing into the composer and pressing Enter, clicking tabs, Insert and Approve. The fake
 * proxy (fake-proxy.ts) answers as a model would, streaming its text and calling Vector's tools.
 */
import type { SessionOptions, VectorSession } from "./vector-session.js";

export interface Scene {
	/** The PNG's name under docs/screenshots. */
	name: string;
	/** What the picture shows (printed with its path). */
	shows: string;
	width?: number;
	height?: number;
	options?: SessionOptions;
	drive(session: VectorSession): Promise<void>;
}

export const SCENES: Scene[] = [
	{
		name: "empty-chat",
		shows: "a fresh widget: the empty conversation, the composer and the status bar",
		async drive() {},
	},
];
