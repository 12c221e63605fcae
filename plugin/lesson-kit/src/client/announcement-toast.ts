/**
 * Announcements (achievements, finished stations) as short toasts at the top of the screen, one after
 * another: a burst of them (an answer can earn two achievements and finish a station) queues up
 * instead of overwriting each other.
 */
import { Theme } from "./theme";
import { Announcement } from "../shared/protocol";

export interface AnnouncementToast {
	readonly gui: ScreenGui;
	show(announcement: Announcement): void;
	destroy(): void;
}

/** Seconds each toast stays on screen. */
export const TOAST_SECONDS = 4;

export function createAnnouncementToast(parent: Instance): AnnouncementToast {
	const gui = new Instance("ScreenGui");
	gui.Name = "VectorQuizToasts";
	gui.ResetOnSpawn = false;
	gui.DisplayOrder = 10;

	const frame = new Instance("Frame");
	frame.Name = "Toast";
	frame.AnchorPoint = new Vector2(0.5, 0);
	frame.Position = new UDim2(0.5, 0, 0, 24);
	frame.Size = UDim2.fromOffset(360, 0);
	frame.AutomaticSize = Enum.AutomaticSize.Y;
	frame.BackgroundColor3 = Theme.panelColor;
	frame.Visible = false;
	frame.Parent = gui;
	const corner = new Instance("UICorner");
	corner.CornerRadius = Theme.corner;
	corner.Parent = frame;
	const padding = new Instance("UIPadding");
	padding.PaddingTop = new UDim(0, 10);
	padding.PaddingBottom = new UDim(0, 10);
	padding.PaddingLeft = new UDim(0, 14);
	padding.PaddingRight = new UDim(0, 14);
	padding.Parent = frame;
	const layout = new Instance("UIListLayout");
	layout.SortOrder = Enum.SortOrder.LayoutOrder;
	layout.Padding = new UDim(0, 4);
	layout.Parent = frame;

	const line = (name: string, order: number, size: number, bold: boolean, color: Color3) => {
		const text = new Instance("TextLabel");
		text.Name = name;
		text.LayoutOrder = order;
		text.BackgroundTransparency = 1;
		text.Size = new UDim2(1, 0, 0, 0);
		text.AutomaticSize = Enum.AutomaticSize.Y;
		text.Font = bold ? Theme.boldFont : Theme.font;
		text.TextSize = size;
		text.TextColor3 = color;
		text.TextWrapped = true;
		text.Parent = frame;
		return text;
	};
	const title = line("Title", 1, 20, true, Theme.textColor);
	const description = line("Description", 2, 16, false, Theme.mutedColor);

	const queue = new Array<Announcement>();
	let showing = false;
	let destroyed = false;

	const showNext = () => {
		const upcoming = queue.shift();
		if (upcoming === undefined || destroyed) {
			showing = false;
			frame.Visible = false;
			return;
		}
		showing = true;
		title.Text = upcoming.kind === "achievement" ? `Achievement: ${upcoming.title}` : upcoming.title;
		title.TextColor3 = upcoming.kind === "achievement" ? Theme.correctColor : Theme.textColor;
		description.Text = upcoming.description;
		frame.Visible = true;
		task.delay(TOAST_SECONDS, showNext);
	};

	gui.Parent = parent;
	return {
		gui,
		show(announcement) {
			queue.push(announcement);
			if (!showing) showNext();
		},
		destroy() {
			destroyed = true;
			gui.Destroy();
		},
	};
}
