import DossierCore
import Testing

@Suite struct TokenizerTests {
    @Test func splitsPunctuationAndPossessives() throws {
        #expect(
            try tokens("Russia's defence chief, Shoigu, arrived.") == [
                "Russia", "'s", "defence", "chief", ",", "Shoigu", ",", "arrived", ".",
            ])
    }

    @Test func curlyApostrophesSplitLikeStraightOnes() throws {
        #expect(try tokens("North Korea’s leader") == ["North", "Korea", "’s", "leader"])
    }

    @Test func contractionsSplitAsInTheTreebank() throws {
        #expect(try tokens("We don't know; they'll see.") == ["We", "do", "n't", "know", ";", "they", "'ll", "see", "."])
        #expect(try tokens("The Koreas' talks") == ["The", "Koreas", "'", "talks"])
    }

    @Test func abbreviationsInitialsAndAcronymsKeepTheirPeriods() throws {
        #expect(try tokens("Gen. J. Smith met U.S. officials") == ["Gen.", "J.", "Smith", "met", "U.S.", "officials"])
        #expect(try tokens("the U.S.-led West") == ["the", "U.S.-led", "West"])
    }

    @Test func numbersStayWhole() throws {
        #expect(
            try tokens("$24 billion, 1,000 troops, 3.5% at 4:03") == [
                "$", "24", "billion", ",", "1,000", "troops", ",", "3.5", "%", "at", "4:03",
            ])
    }

    @Test func quotesDashesAndEllipses() throws {
        #expect(try tokens("\"Stop\"—he said ... no") == ["\"", "Stop", "\"", "—", "he", "said", "...", "no"])
        #expect(try tokens("the 1950-53 Korean War") == ["the", "1950-53", "Korean", "War"])
    }

    @Test func urlsAndHandlesStayWhole() throws {
        #expect(
            try tokens("See https://example.com/a?b=1. Follow @AOC now") == [
                "See", "https://example.com/a?b=1", ".", "Follow", "@AOC", "now",
            ])
    }

    @Test func spansPointAtTheOriginalBytes() throws {
        let document = try analyse("Kim\u{00A0}met “Shoigu” in Pyongyang.", title: "")
        let texts = document.tokens.map { document.string($0.span) }
        #expect(texts == ["Kim", "met", "“", "Shoigu", "”", "in", "Pyongyang", "."])
        #expect(document.tokens.map { document.form($0) }[2] == "\"")
    }
}
