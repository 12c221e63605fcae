/// <reference types="@rbxts/testez/globals" />
import { createQuizPanel, QuizPanel } from "./quiz-panel";
import { Theme } from "./theme";
import { AnswerResult, ClientQuestion } from "../shared/protocol";

const StarterGui = game.GetService("StarterGui");

export = () => {
	// Clicks need the headless Studio's simulated user; in Studio these tests are skipped.
	const user = HeadlessStudio?.gui;
	const itClicks = user ? it : itSKIP;

	const question: ClientQuestion = {
		questionId: "halves-1",
		stationId: "halves",
		stationTitle: "Halves",
		prompt: "What is half of 8?",
		choices: ["6", "4", "2"],
		difficulty: 1,
		answeredAtStation: 0,
		questionsAtStation: 3,
	};
	const right: AnswerResult = {
		accepted: true,
		questionId: "halves-1",
		correct: true,
		correctChoice: 1,
		explanation: "8 split into 2 equal parts is 4 and 4.",
		pointsAwarded: 10,
		points: 10,
		progress: 20,
		nextDifficulty: 1,
		stationComplete: false,
	};

	let panel: QuizPanel;
	let chosen: Array<string>;

	beforeEach(() => {
		user?.setViewportSize(1024, 768);
		chosen = [];
		panel = createQuizPanel(StarterGui, (id, choice) => chosen.push(`${id}#${choice}`));
	});
	afterEach(() => panel.destroy());

	const find = <T extends Instance>(name: string) => panel.gui.FindFirstChild(name, true) as T;
	const click = (name: string) => {
		user!.click(find<GuiButton>(name));
		task.wait();
	};
	const shown = (name: string) => find<GuiObject>(name).Visible;

	it("starts closed", () => {
		expect(panel.isOpen()).to.equal(false);
		expect(panel.gui.ResetOnSpawn).to.equal(false);
	});

	it("opens on a question with its station, place, difficulty and choices as buttons", () => {
		panel.showQuestion(question);
		expect(panel.isOpen()).to.equal(true);
		expect(find<TextLabel>("StationTitle").Text).to.equal("Halves");
		expect(find<TextLabel>("Meta").Text).to.equal("Question 1 of 3 · Easy");
		expect(find<TextLabel>("Prompt").Text).to.equal("What is half of 8?");
		expect(find<TextButton>("Choice1").Text).to.equal("6");
		expect(find<TextButton>("Choice3").Text).to.equal("2");
		expect(find("Choice4")).to.equal(undefined);
		expect(shown("Result")).to.equal(false);
		expect(shown("Explanation")).to.equal(false);
		expect(shown("Done")).to.equal(false);
	});

	itClicks("sends the chosen choice once, and ignores further clicks while the server checks", () => {
		panel.showQuestion(question);
		click("Choice2");
		click("Choice3");
		expect(chosen.join(",")).to.equal("halves-1#1");
		expect(find<TextLabel>("Result").Text).to.equal("Checking…");
	});

	itClicks("shows a right answer with the points and the explanation", () => {
		panel.showQuestion(question);
		click("Choice2");
		panel.showResult(right);
		expect(find<TextLabel>("Result").Text).to.equal("Correct! +10 points");
		expect(find<TextLabel>("Explanation").Text).to.equal("8 split into 2 equal parts is 4 and 4.");
		expect(shown("Explanation")).to.equal(true);
		expect(find<TextButton>("Choice2").BackgroundColor3).to.equal(Theme.correctColor);
		click("Choice1");
		expect(chosen.size()).to.equal(1);
	});

	itClicks("shows a wrong answer with the right one", () => {
		panel.showQuestion(question);
		click("Choice1");
		panel.showResult({ ...right, correct: false, pointsAwarded: 0, points: 0 });
		expect(find<TextLabel>("Result").Text).to.equal('Not quite. The answer is "4".');
		expect(find<TextButton>("Choice1").BackgroundColor3).to.equal(Theme.wrongColor);
		expect(find<TextButton>("Choice2").BackgroundColor3).to.equal(Theme.correctColor);
	});

	itClicks("lets the player try again when the server asked them to slow down", () => {
		panel.showQuestion(question);
		click("Choice1");
		panel.showResult({ accepted: false, reason: "rate_limited", message: "Too many answers too fast; wait a moment." });
		expect(find<TextLabel>("Result").Text).to.equal("Too many answers too fast; wait a moment.");
		click("Choice2");
		expect(chosen.join(",")).to.equal("halves-1#0,halves-1#1");
	});

	itClicks("does not let the player try again when the answer was refused for good", () => {
		panel.showQuestion(question);
		click("Choice1");
		panel.showResult({ accepted: false, reason: "already_answered", message: "You already answered this question." });
		click("Choice2");
		expect(chosen.size()).to.equal(1);
		expect(shown("Done")).to.equal(true);
	});

	itClicks("closes from Close and from Done", () => {
		panel.showQuestion(question);
		click("Close");
		expect(panel.isOpen()).to.equal(false);
		panel.showQuestion(question);
		click("Choice2");
		panel.showResult(right);
		click("Done");
		expect(panel.isOpen()).to.equal(false);
	});

	it("shows a station's notice without choices", () => {
		panel.showQuestion(question);
		panel.showNotice({
			stationId: "halves",
			stationTitle: "Halves",
			message: "You have answered every question at this station.",
		});
		expect(panel.isOpen()).to.equal(true);
		expect(find<TextLabel>("Prompt").Text).to.equal("You have answered every question at this station.");
		expect(find("Choice1")).to.equal(undefined);
		expect(shown("Meta")).to.equal(false);
		expect(shown("Done")).to.equal(true);
	});

	itClicks("ignores a late result for the question it moved on from", () => {
		panel.showQuestion(question);
		click("Choice2");
		const following = { ...question, questionId: "halves-2", prompt: "Which fraction equals 1/2?" };
		panel.showQuestion(following);
		panel.showResult(right);
		expect(shown("Result")).to.equal(false);
		click("Choice1");
		panel.showResult(right);
		expect(find<TextLabel>("Result").Text).to.equal("Checking…");
		expect(chosen.join(",")).to.equal("halves-1#1,halves-2#0");
	});

	it("ignores a result that comes after the panel moved on to a notice", () => {
		panel.showNotice({ stationId: "halves", stationTitle: "Halves", message: "Done here." });
		panel.showResult(right);
		expect(shown("Result")).to.equal(false);
	});
};
