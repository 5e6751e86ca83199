import Testing

@testable import DossierCore

@Suite("Part-of-speech tagger and chunker")
struct SyntaxTests {
    let tagger = SyntaxTagger.english

    private func tag(_ sentence: String) -> (pos: [String], chunks: [ChunkTag]) {
        let (pos, chunks) = tagger.tag(sentence.split(separator: " "))
        return (pos.map(\.tag), chunks)
    }

    @Test func tagsVerbsAndNounsAndChunksTheirPhrases() {
        let (pos, chunks) = tag("Kim showed the missiles to Shoigu .")
        // The example in SyntaxTagger's documentation.
        #expect(pos == ["NNP", "VBD", "DT", "NNS", "TO", "NNP", "."])
        #expect(chunks.map(\.tag) == ["B-NP", "B-VP", "B-NP", "I-NP", "B-PP", "B-NP", "O"])
        #expect(pos[0] == "NNP")
        #expect(pos[1] == "VBD")
        #expect(pos[3] == "NNS")
        let phrases = ChunkTag.chunks(chunks)
        #expect(phrases.contains(Chunk(phrase: "NP", words: 2..<4)))
        #expect(phrases.contains(Chunk(phrase: "VP", words: 1..<2)))
        #expect(phrases.contains(Chunk(phrase: "NP", words: 5..<6)))
    }

    @Test func tellsTheNounFromTheVerb() {
        #expect(tag("The visit was praised by both sides .").pos[1] == "NN")
        #expect(tag("The visit was praised by both sides .").pos[3] == "VBN")
        #expect(tag("They visit Pyongyang every year .").pos[1] == "VBP")
        #expect(tag("He will visit Moscow next week .").pos[2] == "VB")
    }

    @Test func readsTheTokenizersSplitsAndCurlyQuotes() {
        let (pos, _) = tag("Russia ’s army did n’t attack “ the U.S. ” on Monday .")
        #expect(pos[1] == "POS")
        #expect(pos[4] == "RB")
        #expect(pos[6] == "\"")
        #expect(pos[8] == "NNP")
        #expect(pos[9] == "\"")
        #expect(tagger.tag(["Russia", "'s", "army"]).pos == tagger.tag(["Russia", "’s", "army"]).pos)
    }

    @Test func groupsAuxiliariesIntoOneVerbGroup() {
        let (pos, chunks) = tag("North Korea has launched a new missile .")
        #expect(pos[2] == "VBZ" && pos[3] == "VBN")
        #expect(
            ChunkTag.chunks(chunks) == [
                Chunk(phrase: "NP", words: 0..<2), Chunk(phrase: "VP", words: 2..<4), Chunk(phrase: "NP", words: 4..<7),
            ])
    }

    @Test func tagsEveryWordAndNothingForNoWords() {
        #expect(tagger.tag([Substring]()).pos.isEmpty)
        let (pos, chunks) = tag("BRUSSELS 1996-08-22")
        #expect(pos == ["NNP", "CD"])
        #expect(chunks.count == 2)
    }

    @Test func answersQuestionsAboutTags() {
        #expect(PartOfSpeech("VBD").isVerb && PartOfSpeech("VBD").isPastTense && !PartOfSpeech("MD").isVerb)
        #expect(PartOfSpeech("NNPS").isProperNoun && PartOfSpeech("NNPS").isNoun && PartOfSpeech("NNPS").isPluralNoun)
        #expect(PartOfSpeech("JJS").isAdjective && PartOfSpeech("DT").isDeterminer && PartOfSpeech("TO").isPreposition)
        #expect(PartOfSpeech(",").isPunctuation && PartOfSpeech("\"").isPunctuation && !PartOfSpeech("NN").isPunctuation)
        #expect(ChunkTag("B-NP").begins && ChunkTag("B-NP").phrase == "NP" && ChunkTag("I-VP").continues)
        #expect(ChunkTag("O").isOutside && ChunkTag("O").phrase == nil)
        // An I-X after O or another phrase begins one, as conlleval reads it.
        let chunks = ChunkTag.chunks(["I-NP", "I-NP", "B-NP", "O", "I-VP", "B-PP"].map(ChunkTag.init))
        #expect(
            chunks == [
                Chunk(phrase: "NP", words: 0..<2), Chunk(phrase: "NP", words: 2..<3), Chunk(phrase: "VP", words: 4..<5),
                Chunk(phrase: "PP", words: 5..<6),
            ])
    }

    @Test func shippedModelSurvivesSavingAndLoading() throws {
        let data = tagger.modelData
        let loaded = try SyntaxTagger(modelData: data)
        #expect(loaded.modelData == data)
        let words: [Substring] = "Kim showed the missiles to Shoigu in Pyongyang on Monday .".split(separator: " ")
        #expect(loaded.tag(words).pos == tagger.tag(words).pos)
        #expect(loaded.tag(words).chunks == tagger.tag(words).chunks)
        #expect(throws: SyntaxModelError.self) { try SyntaxTagger(modelData: Array(data.prefix(1000))) }
        #expect(throws: SyntaxModelError.self) { try SyntaxTagger(modelData: Array("not a model".utf8)) }
    }

    @Test func trainsOnSentencesWithGoldTags() throws {
        let sentence = SyntaxSentence(
            words: ["Kim", "visited", "the", "base", "."], pos: ["NNP", "VBD", "DT", "NN", "."],
            chunks: ["B-NP", "B-VP", "B-NP", "I-NP", "O"])
        var trainer = SyntaxTrainer()
        trainer.maximumEpochs = 3
        trainer.folds = 2
        trainer.refitOnDev = true
        let (trained, dev) = trainer.train(Array(repeating: sentence, count: 4), dev: [sentence], notes: "test") { _ in }
        #expect(dev.posAccuracy == 1 && dev.chunkF1 == 1)
        let loaded = try SyntaxTagger(modelData: trained.modelData)
        #expect(loaded.tag(sentence.words).pos.map(\.tag) == sentence.pos)
        #expect(loaded.tag(sentence.words).chunks.map(\.tag) == sentence.chunks)
        #expect(loaded.notes.hasPrefix("test"))
    }

    @Test func aWordNeverSeenTakesTheTagOfItsClusterAndTheModelKeepsTheClusters() throws {
        // Made-up words in one context: only their clusters tell the adjectives from the nouns.
        let clusters = try WordClusters(
            text: "00\tblick\t9\n00\tsnorf\t9\n00\twug\t9\n11\tflorp\t9\n11\tgronk\t9\n11\tdax\t9\n")
        let sentences = [("blick", "JJ"), ("snorf", "JJ"), ("florp", "NN"), ("gronk", "NN")].map { word, tag in
            SyntaxSentence(words: ["the", word, "."], pos: ["DT", tag, "."], chunks: ["B-NP", "I-NP", "O"])
        }
        var trainer = SyntaxTrainer()
        trainer.maximumEpochs = 5
        trainer.clusters = clusters
        let (trained, _) = trainer.train(Array(repeating: sentences, count: 5).flatMap { $0 }, dev: sentences, notes: "") { _ in }
        let loaded = try SyntaxTagger(modelData: trained.modelData)
        #expect(loaded.clusters.wordCount == 6)
        #expect(loaded.tag(["the", "wug", "."]).pos[1].tag == "JJ")
        #expect(loaded.tag(["the", "dax", "."]).pos[1].tag == "NN")
    }
}
