import Testing

@testable import DossierCore

/// Event types learned from coded sentences, and the targets the parse fills where no pattern slot names one; all on
/// sentences written for these tests.
@Suite struct LearnedEventTests {
    @Test(arguments: [
        ("accuses", "accus"), ("accused", "accus"), ("accusing", "accus"), ("agrees", "agre"), ("agreed", "agre"),
        ("denies", "deni"), ("denied", "deni"), ("deny", "deni"), ("attacks", "attack"), ("Harangued", "harangu"),
    ])
    func inflectionsShareAStem(word: String, stem: String) {
        #expect(EventTypeClassifier.stem(word) == stem)
    }

    /// Holding, joining and being state no event between the actors they join, whatever the shipped model would learn.
    @Test(arguments: [
        "Currently, Democrats hold a 19 percent advantage over Republicans in California.",
        "Kenya holds a large lead over Uganda in the polls.", "Finland joined the European Union in 1995.",
    ])
    func verbsOfHoldingAndMembershipLearnNoEvent(sentence: String) throws {
        #expect(try understand(sentence).events.isEmpty)
    }

    @Test func csvFieldsMayHoldCommasQuotesAndLineBreaks() throws {
        let table = try CSVTable("text,label\n\"Kim, then \"\"Moon\"\"\nmet\",CONSULT\nplain,AGREE\n")
        #expect(table.records == [["text": "Kim, then \"Moon\"\nmet", "label": "CONSULT"], ["text": "plain", "label": "AGREE"]])
        #expect(throws: CSVError.self) { try CSVTable("text\n\"open") }
    }

    /// A verb no pattern lists, coded by people in a few sentences, is coded in a new one with other actors; a verb
    /// training never saw is not.
    @Test func aVerbLearnedFromCodedSentences() throws {
        let coded = [
            ("France harangued Germany over its budget.", "France", "Germany"),
            ("Japan harangued China about the islands.", "Japan", "China"),
            ("Brazil harangued Argentina at the summit.", "Brazil", "Argentina"),
            ("Poland harangued Hungary over the courts.", "Poland", "Hungary"),
        ].map { CodedSentence(text: $0.0, code: "112", source: $0.1, target: $0.2) }
        let data = LanguageData.english
        let model = try EventTypeTrainer().train(
            coded, pipeline: Pipeline.standard(eventTypes: nil),
            coder: EventCoder(patterns: data.eventPatterns, cameo: data.cameo, words: data.eventWords, parser: .english),
            notes: "test")
        let read = try EventTypeClassifier(modelData: model.modelData)
        #expect(read.labels == ["", "112"])

        func events(_ text: String) throws -> [String] {
            var document = Document(text: text, source: "test", given: GivenMetadata(title: ""))
            try Pipeline.standard(eventTypes: read).run(&document)
            return document.events.map { event in
                "\(event.code) \(event.source.map { document.entities[$0].name } ?? "-")>\(event.target.map { document.entities[$0].name } ?? "-") \(event.pattern)"
            }
        }
        #expect(try events("Italy harangued Spain on Tuesday.") == ["112 Italy>Spain learned: harangu 112"])
        #expect(try events("Italy lectured Spain on Tuesday.") == [])
    }

    @Test func aTargetFromTheTriggersPhraseWhereNoSlotNamesOne() throws {
        // "attacked" takes its object; the convoy is no actor, the place it was in is.
        let document = try understand("The Taliban attacked a police convoy in western Afghanistan.")
        #expect(document.eventLines == ["190 Taliban>Afghanistan reported"])
    }

    @Test func actorsWhoActTogetherTakeNoGuessedTarget() throws {
        let document = try understand("Kim Jong Un and Moon Jae-in agreed in Seoul to end the war.")
        #expect(document.eventLines == ["030 Kim Jong Un>Moon Jae-in reported", "030 Moon Jae-in>Kim Jong Un reported"])
    }

    @Test func aNominalStandsForItsOwnerOrItsDeterminedNationality() throws {
        let parser = DependencyParser.english
        let words = ["The", "French", "government", "accused", "Brazil", "'s", "federal", "police", "."]
        let (tree, tags) = parser.parseAndTag(words)
        let parsed = ParsedSentence(
            tree: tree, words: words.map { $0.lowercased() }, tags: tags, actors: [(0..<2, 10), (4..<5, 20)])
        // "The French" is the mention; "government" stands for it through its modifiers.
        #expect(parsed.actors(parsed.subjects(of: 3)) == [10])
        // "Brazil's federal police" stands for Brazil.
        #expect(parsed.actors(parsed.objects(of: 3)) == [20])
    }
}
