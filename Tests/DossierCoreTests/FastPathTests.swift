import Testing

@testable import DossierCore

/// The cheap checks and lookups the pipeline uses on every word answer as the plain ones do.
@Suite("Fast paths for every word")
struct FastPathTests {
    let kb = KnowledgeBase.english

    @Test func wordMapAnswersAsADictionary() {
        var random = SplitMix(seed: 3)
        let letters = Array("abcdefghij'-.")
        func word() -> String {
            String((0..<(1 + Int(random.next() % 6))).map { _ in letters[Int(random.next() % UInt64(letters.count))] })
        }
        var dictionary: [String: Int] = [:]
        for value in 0..<400 { dictionary[word()] = value }
        let map = WordMap(dictionary)
        for _ in 0..<3_000 {
            let probe = word()
            #expect(map[probe] == dictionary[probe])
        }
        #expect(map[""] == dictionary[""])
    }

    @Test func wordMapComparesAsStringsDo() {
        let map = WordMap(["nicolás": 1, "the": 2])
        #expect(map["nicola\u{301}s"] == 1)
        #expect(map["nicolás"] == 1)
        #expect(map["the"] == 2 && map["The"] == nil && map["th"] == nil)
        #expect(WordMap(Set(["a", "an"])).contains("an") && !WordMap(Set(["a", "an"])).contains("and"))
    }

    @Test func spaceSeparatedSplitsAsSplitDoes() {
        for text in ["Kim Jong Un", "  Kim  Jong Un ", "", " ", "al-Bashir", "Nicolás Maduro", "a b  c"] {
            #expect(text.spaceSeparated == text.split(separator: " "))
        }
    }

    @Test func roleAndDemonymChecksNeverRuleOutAMatch() {
        for title in [
            "Defence Minister", "defense minister", "spokeswoman", "General", "vice-president", "Vice President", "prime minister",
        ] {
            #expect(kb.role(title) != nil)
            let last = title.split(whereSeparator: { $0 == " " || $0 == "-" }).last.map { $0.lowercased() } ?? ""
            #expect(kb.mayEndRole(last), "\(title)")
            #expect(kb.mayEndRole(title.lowercased()), "\(title)")
        }
        #expect(!kb.mayEndRole("banana") && !kb.mayEndRole("forecaster"))
        #expect(kb.mayStartDemonym("north") && kb.mayStartDemonym("the") && !kb.mayStartDemonym("banana"))
        #expect(kb.mayBeDemonym("russian") && kb.mayBeDemonym("chinese") && !kb.mayBeDemonym("banana"))
        // Not plain lowercase letters: left to the lookup.
        #expect(kb.mayBeDemonym("u.s."))
    }

    @Test func furnitureRulesStillMatchBeginningsAndEnds() {
        let rules = LanguageData.english.furniture
        // A rule that starts with literal text and one that floats both find their paragraphs.
        #expect(rules.match(Array("Follow us on Twitter".utf8)[...])?.0.action == .furniture)
        #expect(rules.match(Array("Jane Doe in Seoul contributed to this report.".utf8)[...])?.0.action == .creditLine)
        #expect(rules.match(Array("5 minutes ago".utf8)[...])?.0.action == .furniture)
        #expect(rules.match(Array("The talks ended on Friday.".utf8)[...]) == nil)
    }
}
