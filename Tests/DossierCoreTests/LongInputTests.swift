import Testing

@testable import DossierCore

/// Inputs no real report holds but anyone can feed: one name said tens of thousands of times, a text that is one
/// endless sentence, a page of quotation marks. Each must be read, in time that grows with its length.
@Suite struct LongInputTests {
    @Test func aWordSaidMoreTimesThanACounterHoldsIsTagged() {
        // 70,000 uses of one word: more than a 16-bit count of its tags elsewhere.
        let words = Array(repeating: "Korea", count: 70_000)
        let tags = NameRecognizer.english.tag(sentences: [words])
        #expect(tags[0].count == words.count)
        #expect(tags[0].allSatisfy { $0.hasSuffix("LOC") })
    }

    @Test func aTextTooLongToHoldEveryWordsKeysIsTaggedTheSame() {
        // Each sentence's keys made as it is read, twice, give the tags of the keys all made at once.
        let sentences = [
            "Sergei Shoigu met Kim Jong Un in Pyongyang .", "Shoigu and Kim watched a parade .",
            "KCNA said Russia and North Korea agreed .",
        ].map { $0.split(separator: " ").map(String.init) }
        let recognizer = NameRecognizer.english
        #expect(recognizer.tagIndices(sentences, wordsHeldAtOnce: 5) == recognizer.tagIndices(sentences))
        #expect(recognizer.tagIndices(sentences, wordsHeldAtOnce: 5).joined().contains { $0 != 0 })
    }

    @Test func thousandsOfNamesInOneSentenceAreEachFound() throws {
        let document = try understand(String(repeating: "North Korea and ", count: 3_000) + "South Korea")
        #expect(document.sentences.count == 1)
        #expect(document.entity("North Korea")?.mentions.count == 3_000)
        #expect(document.entity("South Korea")?.mentions.count == 1)
    }

    @Test func thousandsOfQuotationMarksMakeQuotesWithoutASpeakerSearchOfTheWholeText() throws {
        let text = String(repeating: "\"We will go\" ", count: 5_000) + "Kim Jong Un said."
        let document = try understand(text)
        // Only the quotes within a few dozen words of "Kim Jong Un said" stand beside their speaker.
        #expect((1...10).contains(document.quotes.count))
        #expect(document.quotes.allSatisfy { $0.speaker.map { document.entities[$0].name } == "Kim Jong Un" })
    }

    /// One sentence of actors acting on actors that never ends: its names are found, its events not read (each trigger
    /// would weigh every actor), and the output says so.
    @Test func theEventsOfASentenceLongerThanAnyInNewsAreLeftOutWithADiagnostic() throws {
        let clause = "Russia attacked Ukraine and Kim Jong Un praised Sergei Shoigu and "
        let endless = try understand(String(repeating: clause, count: 100) + "Iran met Israel.")
        #expect(endless.sentences.count == 1 && endless.sentences[0].tokens.count > EventCoder.maxSentenceWords)
        #expect(endless.events.isEmpty)
        #expect(endless.diagnostics.map(\.message) == ["1 sentence(s) of more than 400 words: their events were not read"])
        #expect(endless.entity("Sergei Shoigu")?.mentions.count == 100)
        // The same clauses as sentences of news length are read.
        let sentences = try understand(String(repeating: "Russia attacked Ukraine. Kim Jong Un praised Sergei Shoigu. ", count: 100))
        #expect(sentences.events.count >= 200)
        #expect(sentences.diagnostics.isEmpty)
    }
}
