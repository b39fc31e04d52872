import Testing

@testable import TUI

/// Answers from the panel reach the engine whether they come before or after its question.
@Suite struct RunbookAnswersTests {
    @Test func anAnswerGivenBeforeTheQuestionIsKeptForIt() async {
        let answers = RunbookAnswers()
        await answers.answer(1, .confirmation(.declined))
        #expect(await answers.wait(for: 1) == .confirmation(.declined))
    }

    @Test func aWaitingQuestionGetsItsOwnActionsAnswer() async {
        let answers = RunbookAnswers()
        let waiting = Task { await answers.wait(for: 2) }
        await answers.answer(3, .rollback(false))
        while await !answers.isWaiting(for: 2) { await Task.yield() }
        await answers.answer(2, .rollback(true))
        #expect(await waiting.value == .rollback(true))
        #expect(await answers.wait(for: 3) == .rollback(false))
    }
}
