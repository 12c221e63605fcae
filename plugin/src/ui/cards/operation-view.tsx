/**
 * One operation of a proposal, drawn the way its kind is best read: a diff for script edits and new
 * scripts, a property table for instance creations and property changes, one sentence for renames,
 * moves and deletions, and the asset preview with its scan findings for inserts.
 */
import Roact from "@rbxts/roact";
import { JsonValue, Operation } from "../../proposals/operation";
import { withTheme } from "../theme/theme-context";
import { AssetPreview } from "./asset-preview";
import { DiffView } from "./diff-view";
import { operationSentence } from "./operation-text";
import { PropertyTable } from "./property-table";

export interface OperationViewProps {
	readonly operation: Operation;
	/** Old property values, when known (an applied set_properties). */
	readonly oldValues?: { readonly [property: string]: JsonValue };
	/** For script edits: open the script at a line (absent: no "Open script" button). */
	readonly onOpenScript?: (line: number) => void;
	readonly layoutOrder?: number;
}

export function OperationView(props: OperationViewProps): Roact.Element {
	return withTheme((theme) => {
		const { operation } = props;
		const sentence = operationSentence(operation);
		const heading = (
			<textlabel
				Key="Sentence"
				LayoutOrder={1}
				Text={sentence}
				FontFace={theme.fonts.ui}
				TextSize={theme.textSize.body}
				TextColor3={theme.colors.text.default}
				TextXAlignment={Enum.TextXAlignment.Left}
				TextWrapped={true}
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
			/>
		);
		let body: Roact.Element | undefined;
		let withHeading = true;
		switch (operation.kind) {
			case "edit_script":
				withHeading = false;
				body = (
					<DiffView
						Key="Body"
						title={sentence}
						before={operation.base}
						after={operation.after}
						onOpenScript={props.onOpenScript}
						layoutOrder={2}
					/>
				);
				break;
			case "create_script":
				withHeading = false;
				body = <DiffView Key="Body" title={sentence} before="" after={operation.source} layoutOrder={2} />;
				break;
			case "create_instance":
				body = <PropertyTable Key="Body" properties={operation.properties} layoutOrder={2} />;
				break;
			case "set_properties":
				body = (
					<PropertyTable Key="Body" properties={operation.properties} oldValues={props.oldValues} layoutOrder={2} />
				);
				break;
			case "insert_asset":
				withHeading = false; // the preview names the asset and where it goes
				body = (
					<AssetPreview
						Key="Body"
						assetId={operation.assetId}
						parentPath={operation.parentPath}
						findings={operation.findings}
						layoutOrder={2}
					/>
				);
				break;
			default:
				body = undefined;
		}
		return (
			<frame
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
				LayoutOrder={props.layoutOrder ?? 0}
			>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, theme.spacing.s)} />
				{withHeading && heading}
				{body}
			</frame>
		);
	});
}
