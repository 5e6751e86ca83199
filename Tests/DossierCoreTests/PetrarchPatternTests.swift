import DossierCore
import Testing

/// The patterns converted from PETRARCH2's CAMEO verb dictionary (`event-patterns-petrarch.txt`).
@Suite struct PetrarchPatternTests {
    @Test func aVerbOnlyPetrarchKnowsIsCodedWithItsTarget() throws {
        // "rush relief assistance" is not in Dossier's own patterns; PETRARCH2 codes it 073 (humanitarian aid).
        let document = try understand("Russia rushed relief assistance to Syria.")
        #expect(document.eventLines == ["073 Russia>Syria reported"])
        let event = try #require(document.events.first)
        #expect(event.pattern.hasPrefix("073\t"))
        #expect(event.cameo?.plover == "AID")
    }

    @Test func aPetrarchPatternNeedsItsTarget() throws {
        // PETRARCH2 codes only dyads: with no actor as its object, the verb codes nothing.
        let document = try understand("Vladimir Putin expedited the arms shipment.")
        #expect(document.events.isEmpty)
    }

    @Test func dossiersOwnPatternsWinForTheFormsTheyList() throws {
        // "snub" is in both files: Dossier's own code (125) is kept, PETRARCH's takes nothing from it.
        let patterns = LanguageData.english.eventPatterns
        #expect(patterns.byTrigger["snubbed"]?.map(\.code) == ["125"])
        #expect(patterns.byTrigger["expedited"]?.contains { $0.code == "072" } == true)
    }
}
