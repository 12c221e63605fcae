/** `ui/composer/`: where the user writes (Composer) and what goes with the message (ContextChips). */
export { Composer } from "./composer";
export type { ComposerProps } from "./composer";
export { ContextChips } from "./context-chips";
export type { ContextChipData, ContextChipsProps } from "./context-chips";
