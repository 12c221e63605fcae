/**
 * The properties an instance operation sets, as a table: property name, the new value as text and,
 * when the proposal was applied and recorded it, the old value. Columns are fractions of the card's
 * width and values wrap; below `NARROW` pixels, where a column would break names mid-word, each
 * property stacks its name over its value ("old → new"). A model may set many properties at once:
 * the table shows them a page at a time ("Show N more") so a huge operation cannot flood the card.
 */
import Roact from "@rbxts/roact";
import { JsonValue } from "../../proposals/operation";
import { Theme } from "../theme/theme";
import { withTheme } from "../theme/theme-context";
import { showMoreRow } from "./show-more-row";
import { formatValue } from "./operation-text";

export interface PropertyTableProps {
	readonly properties: { readonly [property: string]: JsonValue };
	/** Values before the change, when known (an applied set_properties). */
	readonly oldValues?: { readonly [property: string]: JsonValue };
	/** Rows per page (default 50). */
	readonly pageSize?: number;
	readonly layoutOrder?: number;
}

interface PropertyTableState {
	readonly pages: number;
	/** The table's laid-out width (0 until known). */
	readonly width: number;
}

const DEFAULT_PAGE_SIZE = 50;
/** Below this width the table stacks names over values. */
export const NARROW = 280;

@Roact.ClassComponent
export class PropertyTable extends Roact.Component<PropertyTableProps, PropertyTableState> {
	state: PropertyTableState = { pages: 1, width: 0 };

	render(): Roact.Element {
		return withTheme((theme) => this.renderWith(theme));
	}

	private renderWith(theme: Theme): Roact.Element {
		const { properties, oldValues } = this.props;
		const names = new Array<string>();
		for (const [name] of pairs(properties)) names.push(name as string);
		names.sort();
		const pageSize = this.props.pageSize ?? DEFAULT_PAGE_SIZE;
		const shown = math.min(names.size(), this.state.pages * pageSize);
		const withOld = oldValues !== undefined;
		const stacked = this.state.width > 0 && this.state.width < NARROW;
		// Title and share of the width per column.
		const columns: Array<[string, number]> = withOld
			? [
					["Property", 0.3],
					["Old", 0.35],
					["New", 0.35],
				]
			: [
					["Property", 0.4],
					["New", 0.6],
				];

		const cell = (key: string, text: string, column: number, color: Color3, code: boolean) => {
			let left = 0;
			for (let i = 0; i < column; i++) left += columns[i][1];
			const width = stacked ? 1 : columns[column][1];
			return (
				<textlabel
					Key={key}
					Text={text}
					FontFace={code ? theme.fonts.code : theme.fonts.ui}
					TextSize={code ? theme.textSize.code : theme.textSize.body}
					TextColor3={color}
					TextXAlignment={Enum.TextXAlignment.Left}
					TextWrapped={true}
					LayoutOrder={column}
					Position={new UDim2(stacked ? 0 : left, 0, 0, 0)}
					Size={new UDim2(width, -theme.spacing.s, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				/>
			);
		};

		const rows = new Map<string, Roact.Element>();
		if (!stacked) {
			const header = new Map<string, Roact.Element>();
			columns.forEach(([title], index) => header.set(title, cell(title, title, index, theme.colors.subText, false)));
			rows.set(
				"Header",
				<frame
					LayoutOrder={0}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				>
					{header}
				</frame>,
			);
		}
		for (let index = 0; index < shown; index++) {
			const name = names[index];
			const cells = new Map<string, Roact.Element>();
			if (stacked) cells.set("Layout", <uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} />);
			cells.set("Name", cell("Name", name, 0, theme.colors.text.default, false));
			const old = oldValues?.[name];
			const value = formatValue(properties[name]);
			if (stacked) {
				cells.set(
					"New",
					cell("New", old !== undefined ? `${formatValue(old)} → ${value}` : value, 1, theme.colors.text.default, true),
				);
			} else {
				if (withOld) {
					cells.set("Old", cell("Old", old !== undefined ? formatValue(old) : "", 1, theme.colors.dimmedText, true));
				}
				cells.set("New", cell("New", value, withOld ? 2 : 1, theme.colors.text.default, true));
			}
			rows.set(
				`Row${index}`,
				<frame
					LayoutOrder={index + 1}
					Size={new UDim2(1, 0, 0, 0)}
					AutomaticSize={Enum.AutomaticSize.Y}
					BackgroundTransparency={1}
				>
					{cells}
				</frame>,
			);
		}

		return (
			<frame
				Size={new UDim2(1, 0, 0, 0)}
				AutomaticSize={Enum.AutomaticSize.Y}
				BackgroundTransparency={1}
				LayoutOrder={this.props.layoutOrder ?? 0}
				Change={{
					AbsoluteSize: (rbx) => {
						if (rbx.AbsoluteSize.X !== this.state.width) this.setState({ width: rbx.AbsoluteSize.X });
					},
				}}
			>
				<uilistlayout SortOrder={Enum.SortOrder.LayoutOrder} Padding={new UDim(0, 1)} />
				{names.size() === 0 ? (
					<textlabel
						Key="Empty"
						Text="No properties set."
						FontFace={theme.fonts.ui}
						TextSize={theme.textSize.body}
						TextColor3={theme.colors.dimmedText}
						TextXAlignment={Enum.TextXAlignment.Left}
						Size={new UDim2(1, 0, 0, 0)}
						AutomaticSize={Enum.AutomaticSize.Y}
						TextWrapped={true}
						BackgroundTransparency={1}
					/>
				) : (
					rows
				)}
				{shown < names.size() &&
					showMoreRow(shown + 1, pageSize, names.size() - shown, () =>
						this.setState({ pages: this.state.pages + 1 }),
					)}
			</frame>
		);
	}
}
