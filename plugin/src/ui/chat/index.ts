/**
 * `ui/chat/`: the conversation view. The app maps the agent's events onto TranscriptItems and
 * renders a Transcript; the parts (MessageBubble, ToolChip, StageLine, ErrorBanner) are exported
 * for views that show one on its own (an error banner above the composer, a snapshot).
 */
export { CodeBlock, MAX_CODE_LINES } from "./code-block";
export type { CodeBlockProps } from "./code-block";
export { ErrorBanner } from "./error-banner";
export type { ErrorBannerProps } from "./error-banner";
export { MAX_MESSAGE_CHARS, MessageBubble } from "./message-bubble";
export type { MessageBubbleProps, MessageRole } from "./message-bubble";
export { capText, escapeRichText, inlineMarkup, parseMessage } from "./message-markup";
export type { InlineCodeStyle, MessageBlock } from "./message-markup";
export { StageLine } from "./stage-line";
export type { StageLineProps } from "./stage-line";
export { MAX_RESULT_CHARS, ToolChip } from "./tool-chip";
export type { ToolChipProps } from "./tool-chip";
export { DEFAULT_PAGE_SIZE, Transcript } from "./transcript";
export type { TranscriptProps } from "./transcript";
export type { TranscriptItem, TranscriptItemKind } from "./transcript-item";
