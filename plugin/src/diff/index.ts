/**
 * `diff/`: pure text logic for script proposals. Data in, data out: no Roblox services, no
 * yielding, and failures returned as {@link Result} values, never thrown (this code runs inside
 * tool executors and inside `ScriptEditorService:UpdateSourceAsync`'s callback).
 *
 * - Text model and positions: `createTextModel`, model positions (zero-based line, code-point
 *   character) and Studio's ScriptDocument positions (1-based line, 1-based UTF-8 byte column).
 * - Range edits (`applyRangeEdits`) and search/replace blocks (`applySearchReplace`), validated
 *   and merged into the final text.
 * - `rebase`: a proposal moved onto the text the user has now, or stale with the conflicts.
 * - `diffLines` and `renderUnifiedDiff`: minimal line diff and the preview built on it.
 */
export { byteToCharacter, characterCount, characterToByte, truncateCharacters } from "./characters";
export { diffLines } from "./diff-lines";
export type { DiffOptions, LineChange, LineDiff } from "./diff-lines";
export { applyRangeEdits, applyResolvedEdits } from "./merge";
export type { MergeOptions } from "./merge";
export { excerptOf, findNearestCandidates, trimLine } from "./nearest-candidates";
export {
	formatPosition,
	fromDocumentPosition,
	fromDocumentRange,
	lineOfOffset,
	offsetToPosition,
	positionToOffset,
	toDocumentPosition,
	toDocumentRange,
} from "./positions";
export type { DocumentPosition, DocumentRange, Position, Range } from "./positions";
export { rebase } from "./rebase";
export type { ConflictSide, RebaseConflict, RebaseResult } from "./rebase";
export { fail, ok } from "./result";
export type { DiffError, DiffErrorCode, MatchCandidate, Result } from "./result";
export { applySearchReplace, resolveSearchReplace } from "./search-replace";
export type { MatchKind, SearchMatch, SearchReplaceEdit } from "./search-replace";
export { createTextModel, joinLines, normalizeLineEndings, splitLineTokens, splitTerminator } from "./text-model";
export type { LineEnding, TextModel } from "./text-model";
export { renderUnifiedDiff } from "./unified-diff";
export type { DiffHunk, DiffLine, DiffLineKind, UnifiedDiff, UnifiedDiffOptions } from "./unified-diff";
export { resolveRangeEdits, sortAndCheckOverlaps } from "./validate-edits";
export type { RangeEdit, ResolvedEdit } from "./validate-edits";
