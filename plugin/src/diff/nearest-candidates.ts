/**
 * "Did you mean…": the places in a script that look most like a search text that matched nowhere.
 *
 * A model that gets `no_match` back needs to see what the code really looks like there to retry,
 * so the error lists the best few windows of the same line count, ranked by similarity. Similarity
 * of two lines is the Dice coefficient of their byte bigrams after trimming (robust to small edits,
 * renamed identifiers and re-indentation); a window scores the mean over its lines.
 *
 * Scoring every window on every line costs windows × lines; a 10,000-line script with a 50-line
 * search would be half a million line comparisons. So every window is first scored on three anchor
 * lines (first, middle, last), and only the best few are scored in full.
 */
import { truncateCharacters } from "./characters";
import { MatchCandidate } from "./result";
import { TextModel } from "./text-model";

/** Bigram counts of a (trimmed, length-capped) line. */
interface Profile {
	readonly counts: Map<number, number>;
	/** Number of keys in `counts` (a roblox-ts Map's size() counts them on every call). */
	readonly distinct: number;
	readonly total: number;
}

const PROFILE_BYTES = 256; // longer lines are compared on their first 256 bytes
const REFINED_WINDOWS = 24;
const EXCERPT_CHARACTERS = 60;

/** Whether byte `b` is whitespace in Lua's `%s` sense (space, \t, \n, \v, \f, \r). */
function isSpaceByte(b: number): boolean {
	return b === 32 || (b >= 9 && b <= 13);
}

/** `line` without leading and trailing whitespace. */
export function trimLine(line: string): string {
	const [first] = string.find(line, "%S");
	if (first === undefined) {
		return "";
	}
	// Scanning back by hand: a "%S%s*$" search retries at every byte and costs 50× more.
	let last = line.size();
	while (isSpaceByte(string.byte(line, last)[0])) {
		last -= 1;
	}
	return string.sub(line, first, last);
}

/** A line as error messages quote it: trimmed, and cut to a short length on a character boundary. */
export function excerptOf(line: string): string {
	return truncateCharacters(trimLine(line), EXCERPT_CHARACTERS);
}

function profileOf(line: string): Profile {
	const counts = new Map<number, number>();
	const size = math.min(line.size(), PROFILE_BYTES);
	if (size === 1) {
		counts.set(-string.byte(line, 1)[0], 1); // a lone byte: compare as a unigram
		return { counts, distinct: 1, total: 1 };
	}
	let distinct = 0;
	for (let i = 1; i < size; i++) {
		const [x, y] = string.byte(line, i, i + 1);
		const key = x * 256 + y;
		const seen = counts.get(key);
		if (seen === undefined) distinct += 1;
		counts.set(key, (seen ?? 0) + 1);
	}
	return { counts, distinct, total: math.max(0, size - 1) };
}

function dice(a: Profile, b: Profile): number {
	if (a.total === 0 || b.total === 0) {
		return a.total === b.total ? 1 : 0; // two blank lines are alike; blank vs text is not
	}
	const [small, large] = a.distinct <= b.distinct ? [a, b] : [b, a];
	let shared = 0;
	for (const [key, count] of small.counts) {
		const other = large.counts.get(key);
		if (other !== undefined) {
			shared += math.min(count, other);
		}
	}
	return (2 * shared) / (a.total + b.total);
}

/**
 * The `count` windows of `model` (each as many lines as `searchLines`) most similar to
 * `searchLines`, best first, no two overlapping; ties go to the earlier line. Empty when the
 * search has no lines.
 */
export function findNearestCandidates(
	model: TextModel,
	searchLines: ReadonlyArray<string>,
	count = 3,
): Array<MatchCandidate> {
	const k = searchLines.size();
	const lineCount = model.lines.size();
	if (k === 0 || count <= 0) {
		return [];
	}
	const searchProfiles = searchLines.map((line) => profileOf(trimLine(line)));
	const fileProfiles = new Map<number, Profile>();
	const fileProfile = (line: number) => {
		let profile = fileProfiles.get(line);
		if (profile === undefined) {
			profile = profileOf(trimLine(model.lines[line]));
			fileProfiles.set(line, profile);
		}
		return profile;
	};
	// Window w compares search line i with file line w + i; lines past the end score 0.
	const similarity = (w: number, i: number) => (w + i < lineCount ? dice(searchProfiles[i], fileProfile(w + i)) : 0);

	const anchors = new Array<number>();
	for (const i of [0, math.floor((k - 1) / 2), k - 1]) {
		if (!anchors.includes(i)) anchors.push(i);
	}
	const windows = math.max(1, lineCount - k + 1);
	const coarse = new Array<[number, number]>(); // [window, score]
	for (let w = 0; w < windows; w++) {
		let sum = 0;
		for (const i of anchors) sum += similarity(w, i);
		coarse.push([w, sum / anchors.size()]);
	}
	const byScore = (p: [number, number], q: [number, number]) => (p[1] !== q[1] ? p[1] > q[1] : p[0] < q[0]);
	coarse.sort(byScore);

	const refined = new Array<[number, number]>();
	for (let r = 0; r < math.min(REFINED_WINDOWS, coarse.size()); r++) {
		const w = coarse[r][0];
		let sum = 0;
		for (let i = 0; i < k; i++) sum += similarity(w, i);
		refined.push([w, sum / k]);
	}
	refined.sort(byScore);

	const candidates = new Array<MatchCandidate>();
	for (const [w, score] of refined) {
		if (candidates.size() >= count) break;
		// Windows one line apart are the same place; name each place once.
		if (candidates.some((c) => math.abs(c.line - w) < k)) continue;
		const span = math.min(k, lineCount - w);
		let excerpt = "";
		for (let line = w; line < w + span && excerpt === ""; line++) {
			excerpt = excerptOf(model.lines[line]); // the first non-blank line
		}
		candidates.push({ line: w, lineCount: span, similarity: score, excerpt });
	}
	return candidates;
}
