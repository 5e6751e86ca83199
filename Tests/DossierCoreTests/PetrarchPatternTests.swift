import DossierCore
import Testing

/// The patterns converted from PETRARCH2's CAMEO verb dictionary (`event-patterns-petrarch.txt`).
@Suite struct PetrarchPatternTests {
    @Test func aVerbOnlyPetrarchKnowsIsCodedWithItsTarget() throws {
        // "mock" is not in Dossier's own patterns; PETRARCH2 codes it 111 (criticize or denounce).
        let document = try understand("Russia mocked Ukraine.")
        #expect(document.eventLines == ["111 Russia>Ukraine reported"])
        let event = try #require(document.events.first)
        #expect(event.pattern.hasPrefix("111\t"))
        #expect(event.cameo?.plover == "ACCUSE")
    }

    @Test func aPetrarchPatternNeedsItsTarget() throws {
        // PETRARCH2 codes only dyads: with no actor as its object, the verb codes nothing.
        let document = try understand("Vladimir Putin mocked the sanctions.")
        #expect(document.events.isEmpty)
    }

    @Test func dossiersOwnPatternsWinForTheFormsTheyList() throws {
        // "snub" is in both files: Dossier's own code (125) is kept, PETRARCH's (111) takes nothing from it.
        let patterns = LanguageData.english.eventPatterns
        #expect(patterns.byTrigger["snubbed"]?.map(\.code) == ["125"])
        #expect(patterns.byTrigger["mocked"]?.contains { $0.code == "111" } == true)
    }
}
