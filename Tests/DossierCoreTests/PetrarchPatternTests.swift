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
        // "snub" is in both files: Dossier's own bare pattern (125) is kept, PETRARCH's bare and one-word ones are not.
        let patterns = LanguageData.english.eventPatterns
        let snubs = patterns.byTrigger["snubbed"] ?? []
        #expect(snubs.filter(\.particles.isEmpty).map(\.code) == ["125"])
        #expect(snubs.allSatisfy { $0.particles.count != 1 })
        #expect(patterns.byTrigger["expedited"]?.contains { $0.code == "072" } == true)
    }

    @Test func theDictionarysLongerPatternsJoinAFormsOwnAndGoFirst() throws {
        // "call" has Dossier's own patterns ("call on", a phone call); PETRARCH's "call for sanctions" is tried before them.
        let calls = try #require(LanguageData.english.eventPatterns.byTrigger["called"])
        #expect((calls.first?.particles.count ?? 0) >= 2)
        #expect(try understand("Germany called for sanctions against Russia.").eventLines == ["1312 Germany>Russia reported"])
        #expect(try understand("Germany called on Russia to talk.").eventLines.first?.hasPrefix("020 Germany>Russia") == true)
        // A word that puts another act in a mood keeps its own reading: a cancelled visit is refused (125).
        #expect(try understand("Kenya cancelled a planned visit to Uganda.").eventLines == ["125 Kenya>Uganda reported"])
    }
}
