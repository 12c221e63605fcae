/**
 * Every tool Vector offers, in the order the model sees them: reading the place first, then changing
 * it, then ending or asking. The order is stable so the prompt (and its cache) does not churn.
 */
import { applyEdit } from "./apply-edit";
import { askUser } from "./ask-user";
import { attemptCompletion } from "./attempt-completion";
import { clearTerrain } from "./clear-terrain";
import { createInstance } from "./create-instance";
import { createScript } from "./create-script";
import { deleteInstance } from "./delete-instance";
import { fillTerrain } from "./fill-terrain";
import { getActiveScript } from "./get-active-script";
import { getProperties } from "./get-properties";
import { insertAsset } from "./insert-asset";
import { installLessonKit } from "./install-lesson-kit";
import { listChildren } from "./list-children";
import { listOpenDocuments } from "./list-open-documents";
import { listSelection } from "./list-selection";
import { lmsLookup } from "./lms-lookup";
import { moveInstance } from "./move-instance";
import { planLesson } from "./plan-lesson";
import { createProposeChanges } from "./propose-changes";
import { readScript } from "./read-script";
import { renameInstance } from "./rename-instance";
import { replaceInScript } from "./replace-in-script";
import { searchAssets } from "./search-assets";
import { searchScripts } from "./search-scripts";
import { setProperties } from "./set-properties";
import { showDiff } from "./show-diff";
import { ToolDefinition } from "./tool";
import { writeQuiz } from "./write-quiz";

/** The tools that change the place; propose_changes joins any of them into one proposal. */
const WRITE_TOOLS: ReadonlyArray<ToolDefinition> = [
	applyEdit,
	replaceInScript,
	createScript,
	createInstance,
	setProperties,
	renameInstance,
	moveInstance,
	deleteInstance,
	insertAsset,
	fillTerrain,
	clearTerrain,
	writeQuiz,
	installLessonKit,
];

/** All tools, in a stable order. */
export const ALL_TOOLS: ReadonlyArray<ToolDefinition> = [
	getActiveScript,
	listOpenDocuments,
	listSelection,
	listChildren,
	getProperties,
	readScript,
	searchScripts,
	searchAssets,
	lmsLookup,
	showDiff,
	planLesson,
	...WRITE_TOOLS,
	createProposeChanges(WRITE_TOOLS),
	attemptCompletion,
	askUser,
];
