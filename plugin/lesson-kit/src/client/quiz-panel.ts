/**
 * The quiz panel: a ScreenGui built from plain instances (no UI library, to keep the kit small) that
 * shows a station's question with its choices as buttons, then the result and the explanation once
 * the server has checked the answer. It knows nothing about remotes: choosing calls `onChoose`, and
 * whoever asked the server passes the answer back to `showResult`. One answer per question: the
 * buttons stop responding after a choice, unless the server refused it for a reason worth retrying
 * (too fast, still loading).
 */
import { Theme } from "./theme";
import { AnswerResult, ClientQuestion, StationNotice } from "../shared/protocol";

export interface QuizPanel {
	readonly gui: ScreenGui;
	readonly showQuestion: (question: ClientQuestion) => void;
	readonly showNotice: (notice: StationNotice) => void;
	readonly showResult: (result: AnswerResult) => void;
	readonly close: () => void;
	readonly isOpen: () => boolean;
	readonly destroy: () => void;
}

const DIFFICULTY_WORDS = ["Easy", "Medium", "Hard"];

function label(name: string, order: number, parent: Instance, size = 18, bold = false): TextLabel {
	const text = new Instance("TextLabel");
	text.Name = name;
	text.LayoutOrder = order;
	text.BackgroundTransparency = 1;
	text.Size = new UDim2(1, 0, 0, 0);
	text.AutomaticSize = Enum.AutomaticSize.Y;
	text.Font = bold ? Theme.boldFont : Theme.font;
	text.TextSize = size;
	text.TextColor3 = Theme.textColor;
	text.TextWrapped = true;
	text.TextXAlignment = Enum.TextXAlignment.Left;
	text.Text = "";
	text.Parent = parent;
	return text;
}

function corner(parent: Instance, radius: UDim = Theme.corner): void {
	const c = new Instance("UICorner");
	c.CornerRadius = radius;
	c.Parent = parent;
}

function button(name: string, text: string, parent: Instance): TextButton {
	const b = new Instance("TextButton");
	b.Name = name;
	b.AutoButtonColor = true;
	b.BackgroundColor3 = Theme.choiceColor;
	b.Font = Theme.font;
	b.TextSize = 18;
	b.TextColor3 = Theme.textColor;
	b.Text = text;
	b.Parent = parent;
	corner(b, new UDim(0, 8));
	return b;
}

/** Builds the panel (closed) in `parent` (the player's PlayerGui). */
export function createQuizPanel(parent: Instance, onChoose: (questionId: string, choice: number) => void): QuizPanel {
	const gui = new Instance("ScreenGui");
	gui.Name = "VectorQuiz";
	gui.ResetOnSpawn = false;
	gui.ZIndexBehavior = Enum.ZIndexBehavior.Sibling;
	gui.Enabled = false;

	const panel = new Instance("Frame");
	panel.Name = "Panel";
	panel.AnchorPoint = new Vector2(0.5, 0.5);
	panel.Position = UDim2.fromScale(0.5, 0.5);
	panel.Size = UDim2.fromOffset(Theme.panelWidth, 0);
	panel.AutomaticSize = Enum.AutomaticSize.Y;
	panel.BackgroundColor3 = Theme.panelColor;
	panel.Parent = gui;
	corner(panel);
	const stroke = new Instance("UIStroke");
	stroke.Color = Theme.strokeColor;
	stroke.Thickness = 1;
	stroke.Parent = panel;
	const padding = new Instance("UIPadding");
	for (const side of ["PaddingTop", "PaddingBottom", "PaddingLeft", "PaddingRight"] as const) {
		padding[side] = new UDim(0, Theme.padding);
	}
	padding.Parent = panel;
	const layout = new Instance("UIListLayout");
	layout.SortOrder = Enum.SortOrder.LayoutOrder;
	layout.Padding = new UDim(0, 10);
	layout.Parent = panel;

	const header = new Instance("Frame");
	header.Name = "Header";
	header.LayoutOrder = 1;
	header.BackgroundTransparency = 1;
	header.Size = new UDim2(1, 0, 0, 28);
	header.Parent = panel;
	const title = label("StationTitle", 0, header, 20, true);
	title.AutomaticSize = Enum.AutomaticSize.None;
	title.Size = new UDim2(1, -84, 1, 0);
	title.TextTruncate = Enum.TextTruncate.AtEnd;
	title.TextWrapped = false;
	const closeButton = button("Close", "Close", header);
	closeButton.AnchorPoint = new Vector2(1, 0);
	closeButton.Position = UDim2.fromScale(1, 0);
	closeButton.Size = new UDim2(0, 76, 1, 0);
	closeButton.TextSize = 16;

	const meta = label("Meta", 2, panel, 15);
	meta.TextColor3 = Theme.mutedColor;
	const prompt = label("Prompt", 3, panel, 22, true);

	const choices = new Instance("Frame");
	choices.Name = "Choices";
	choices.LayoutOrder = 4;
	choices.BackgroundTransparency = 1;
	choices.Size = new UDim2(1, 0, 0, 0);
	choices.AutomaticSize = Enum.AutomaticSize.Y;
	choices.Parent = panel;
	const choiceLayout = new Instance("UIListLayout");
	choiceLayout.SortOrder = Enum.SortOrder.LayoutOrder;
	choiceLayout.Padding = new UDim(0, 6);
	choiceLayout.Parent = choices;

	const resultText = label("Result", 5, panel, 20, true);
	const explanation = label("Explanation", 6, panel, 17);
	explanation.TextColor3 = Theme.mutedColor;
	const done = button("Done", "Done", panel);
	done.LayoutOrder = 7;
	done.Size = new UDim2(1, 0, 0, 40);
	done.BackgroundColor3 = Theme.accentColor;

	let current: ClientQuestion | undefined;
	/** "open": choices respond; "checking": waiting for the server; "answered": read-only. */
	let state: "open" | "checking" | "answered" = "answered";
	let chosen = -1;
	const buttons = new Array<TextButton>();
	const connections = new Array<RBXScriptConnection>();

	const setResult = (text: string, color: Color3) => {
		resultText.Text = text;
		resultText.TextColor3 = color;
		resultText.Visible = text !== "";
	};

	const clearChoices = () => {
		for (const b of buttons) b.Destroy();
		buttons.clear();
	};

	const reset = () => {
		clearChoices();
		setResult("", Theme.textColor);
		explanation.Text = "";
		explanation.Visible = false;
		done.Visible = false;
		chosen = -1;
	};

	const open = () => {
		gui.Enabled = true;
	};

	const close = () => {
		gui.Enabled = false;
	};

	connections.push(closeButton.Activated.Connect(close));
	connections.push(done.Activated.Connect(close));

	const showQuestion = (question: ClientQuestion) => {
		reset();
		current = question;
		state = "open";
		title.Text = question.stationTitle;
		const difficulty = DIFFICULTY_WORDS[question.difficulty - 1] ?? "";
		const place = math.min(question.answeredAtStation + 1, question.questionsAtStation);
		meta.Text = `Question ${place} of ${question.questionsAtStation} · ${difficulty}`;
		meta.Visible = true;
		prompt.Text = question.prompt;
		prompt.Visible = true;
		question.choices.forEach((text, index) => {
			const b = button(`Choice${index + 1}`, text, choices);
			b.LayoutOrder = index;
			b.Size = new UDim2(1, 0, 0, 40);
			b.TextWrapped = true;
			b.TextXAlignment = Enum.TextXAlignment.Left;
			const inset = new Instance("UIPadding");
			inset.PaddingLeft = new UDim(0, 12);
			inset.PaddingRight = new UDim(0, 12);
			inset.Parent = b;
			b.Activated.Connect(() => {
				if (state !== "open" || current !== question) return;
				state = "checking";
				chosen = index;
				for (const other of buttons) other.AutoButtonColor = false;
				b.BackgroundColor3 = Theme.accentColor;
				setResult("Checking…", Theme.mutedColor);
				onChoose(question.questionId, index);
			});
			buttons.push(b);
		});
		open();
	};

	const showNotice = (notice: StationNotice) => {
		reset();
		current = undefined;
		state = "answered";
		title.Text = notice.stationTitle;
		meta.Visible = false;
		prompt.Text = notice.message;
		prompt.Visible = true;
		done.Visible = true;
		open();
	};

	const showResult = (result: AnswerResult) => {
		// A late answer to a question the panel has moved on from is not this question's result.
		if (current === undefined || state !== "checking") return;
		if (result.accepted && result.questionId !== current.questionId) return;
		if (!result.accepted) {
			const retry = result.reason === "rate_limited" || result.reason === "not_ready";
			setResult(result.message, Theme.wrongColor);
			if (retry) {
				state = "open";
				for (const b of buttons) {
					b.AutoButtonColor = true;
					b.BackgroundColor3 = Theme.choiceColor;
				}
			} else {
				state = "answered";
				done.Visible = true;
			}
			return;
		}
		state = "answered";
		buttons.forEach((b, index) => {
			b.AutoButtonColor = false;
			if (index === result.correctChoice) b.BackgroundColor3 = Theme.correctColor;
			else if (index === chosen) b.BackgroundColor3 = Theme.wrongColor;
			else b.BackgroundColor3 = Theme.choiceColor;
		});
		const answer = current.choices[result.correctChoice] ?? "";
		if (result.correct) setResult(`Correct! +${result.pointsAwarded} points`, Theme.correctColor);
		else setResult(`Not quite. The answer is "${answer}".`, Theme.wrongColor);
		explanation.Text = result.explanation;
		explanation.Visible = true;
		done.Visible = true;
	};

	reset();
	gui.Parent = parent;

	return {
		gui,
		showQuestion,
		showNotice,
		showResult,
		close,
		isOpen: () => gui.Enabled,
		destroy: () => {
			for (const connection of connections) connection.Disconnect();
			gui.Destroy();
		},
	};
}
