/**
 * `ui/assets/`: the Creator Store picker. The app runs searches through the proxy client and
 * passes results and state in; the picker reports what the user asks for (search, insert).
 */
export { AssetPicker, columnsFor, MIN_CELL_WIDTH } from "./asset-picker";
export type { AssetPickerProps, AssetPickerState } from "./asset-picker";
export { AssetResultCard, RESULT_HEIGHT } from "./asset-result-card";
export type { AssetResultCardProps } from "./asset-result-card";
