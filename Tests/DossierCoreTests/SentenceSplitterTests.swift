import DossierCore
import Testing

@Suite struct SentenceSplitterTests {
    @Test func titlesAndInitialsDoNotEndSentences() throws {
        #expect(try sentences("Mr. Blair met Gen. J. R. Allen. They talked.") == ["Mr. Blair met Gen. J. R. Allen.", "They talked."])
    }

    @Test func anAcronymEndsASentenceOnlyBeforeAnOpener() throws {
        #expect(try sentences("He flew to the U.S. The talks began.") == ["He flew to the U.S.", "The talks began."])
        #expect(try sentences("The U.S. Army said so.") == ["The U.S. Army said so."])
    }

    @Test func monthsBeforeDaysAndNumbersDoNotEndSentences() throws {
        #expect(
            try sentences("It began on Jan. 5 in No. 10 Downing Street. Then it ended.") == [
                "It began on Jan. 5 in No. 10 Downing Street.", "Then it ended.",
            ])
    }

    @Test func decimalsAndEllipses() throws {
        #expect(
            try sentences("Growth was 3.5 percent. We could not do that ... Sometimes you walk.") == [
                "Growth was 3.5 percent.", "We could not do that ...", "Sometimes you walk.",
            ])
    }

    @Test func quotationsThatCloseSentences() throws {
        #expect(try sentences("He said, “It is over.” Then he left.") == ["He said, “It is over.”", "Then he left."])
        #expect(try sentences("“Is it over?” he asked. No one knew.") == ["“Is it over?” he asked.", "No one knew."])
        #expect(try sentences("“We will win,” Kim said.") == ["“We will win,” Kim said."])
    }

    @Test func lowercaseAfterAPeriodContinues() throws {
        #expect(try sentences("The vote was 5 vs. 4 and approx. even.") == ["The vote was 5 vs. 4 and approx. even."])
    }

    @Test func paragraphsAlwaysEndSentences() throws {
        #expect(try sentences("Kim met Shoigu\n\nThey talked") == ["Kim met Shoigu", "They talked"])
    }

    @Test func sentencesHoldTheirTokens() throws {
        let document = try analyse("Kim met Shoigu. They talked.", title: "")
        #expect(document.sentences.map(\.tokens) == [0..<4, 4..<7])
    }
}
