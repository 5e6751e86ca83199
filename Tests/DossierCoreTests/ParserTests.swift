import Testing

@testable import DossierCore

@Suite("Dependency parser: transitions, oracle, treebank files")
struct ParserMachineryTests {
    /// "Kim showed the missiles to Shoigu": heads over words 1...6 (0 the root), labels by index.
    let heads: [Int32] = [-1, 2, 0, 4, 2, 6, 2]
    let labels = [0, 1, 2, 3, 4, 5, 6]

    /// Follows the dynamic oracle's cheapest move, with the gold relation on a gold arc, from the first state.
    private func followOracle(heads: [Int32], labels: [Int], rootLabel: Int) -> ArcHybrid {
        var state = ArcHybrid(wordCount: heads.count - 1, labelCount: 8, rootLabel: rootLabel)
        while !state.isFinal {
            let costs = state.costs(goldHeads: heads)
            let least = [costs.shift, costs.left, costs.right].compactMap { $0 }.min()!
            let s0 = Int(state.stack(0))
            if costs.left == least, heads[s0] == state.buffer(0) {
                state.apply(1 + labels[s0])
            } else if costs.right == least, heads[s0] == state.stack(1) {
                state.apply(1 + 8 + labels[s0])
            } else {
                #expect(costs.shift == least)
                state.apply(0)
            }
        }
        return state
    }

    @Test func theOracleRebuildsAProjectiveTree() {
        let state = followOracle(heads: heads, labels: labels, rootLabel: 2)
        #expect(state.heads == heads.map { $0 < 0 ? ArcHybrid.none : $0 })
        #expect(state.labels.dropFirst() == labels.dropFirst().map(UInt8.init)[...])
    }

    @Test func onlyOneWordAttachesToTheRootAndOnlyWithTheRootRelation() {
        var state = ArcHybrid(wordCount: 2, labelCount: 3, rootLabel: 1)
        state.apply(0)
        // With words still to read, the word on the stack cannot attach to the root.
        #expect(!state.canRight)
        #expect(!state.allows(1 + 3 + 1))
        state.apply(0)
        #expect(state.allows(1 + 3 + 0))
        #expect(!state.allows(1 + 3 + 1))
        state.apply(1 + 3 + 0)
        #expect(state.allows(1 + 3 + 1))
        #expect(!state.allows(1 + 3 + 0))
        state.apply(1 + 3 + 1)
        #expect(state.isFinal)
        #expect(state.heads == [ArcHybrid.none, 0, 1])
    }

    @Test func aWrongMoveCostsTheArcsItLoses() {
        var state = ArcHybrid(wordCount: heads.count - 1, labelCount: 8, rootLabel: 2)
        state.apply(0)  // "Kim" on the stack; "showed", its head, next.
        let costs = state.costs(goldHeads: heads)
        #expect(costs.left == 0)
        // Shifting "showed" leaves "Kim" no way to it, and "showed" none to the root below "Kim".
        #expect(costs.shift == 2)
        #expect(costs.right == nil)
    }

    @Test func readsCoNLLUSkippingMultiwordTokensAndScoresWithoutPunctuation() throws {
        let text = """
            # newdoc id = GUM_news_test
            # text = Kim didn't go.
            1\tKim\tKim\tPROPN\tNNP\t_\t4\tnsubj\t_\t_
            2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
            2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_
            3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
            4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
            5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

            """
        let sentences = try TreebankSentence.conllu(text)
        #expect(sentences.count == 1)
        #expect(sentences[0].words == ["Kim", "did", "n't", "go", "."])
        #expect(sentences[0].heads == [3, 3, 3, nil, 3])
        #expect(sentences[0].document == "GUM_news_test")
        var score = AttachmentScore()
        let parsed = DependencyTree(
            heads: [3, 3, 0, nil, 0],
            relations: ["nsubj:pass", "aux", "advmod", "root", "punct"].map(DependencyRelation.init))
        score.add(gold: sentences[0], parsed: parsed)
        // Four words scored (not the full stop): three right heads, of which two with the right relation.
        #expect(score.words == 4)
        #expect(score.headsCorrect == 3)
        #expect(score.labelledCorrect == 3)
    }

    @Test func aMalformedTreebankLineIsNamed() {
        #expect(throws: TreebankError.self) { try TreebankSentence.conllu("1\tKim\tKim\tPROPN\n") }
        #expect(throws: TreebankError.self) { try TreebankSentence.conllu("1\tKim\t_\tPROPN\t_\t_\tx\tnsubj\t_\t_\n") }
    }

    @Test func learnsATreebankAndTrainsAgainOnDevWhenAsked() throws {
        let sentences = try TreebankSentence.conllu(
            """
            1\tKim\tKim\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
            2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_
            3\tSeoul\tSeoul\tPROPN\tNNP\t_\t2\tobj\t_\t_
            4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

            """)
        var trainer = ParserTrainer()
        trainer.maximumEpochs = 3
        trainer.minimumFeatureCount = 1
        trainer.refitOnDev = true
        let (parser, dev) = trainer.train(Array(repeating: sentences[0], count: 4), dev: sentences, tagger: .english, notes: "test") { _ in
        }
        #expect(dev.headsCorrect == dev.words)
        #expect(parser.parse(sentences[0].words).heads == sentences[0].heads)
        #expect(parser.notes.contains("then trained again on train and dev"))
    }

    @Test func aBeamKeepsTheBestCandidatesBestFirst() {
        var top = TopCandidates(width: 3)
        for (move, score) in [(0, 1.0), (1, 5.0), (2, 3.0), (3, 4.0), (4, 3.0), (5, -2.0)] as [(Int, Float)] {
            top.offer(BeamCandidate(parent: 0, move: move, score: score))
        }
        #expect(top.best.map(\.move) == [1, 3, 2])
        #expect(!top.admits(3))
        #expect(top.admits(3.5))
    }

    @Test func aBeamTrainedParserLearnsATreebankAndKeepsItsBeamInItsFile() throws {
        let sentences = try TreebankSentence.conllu(
            """
            1\tKim\tKim\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
            2\tshowed\tshow\tVERB\tVBD\t_\t0\troot\t_\t_
            3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
            4\tmissiles\tmissile\tNOUN\tNNS\t_\t2\tobj\t_\t_
            5\tto\tto\tADP\tIN\t_\t6\tcase\t_\t_
            6\tShoigu\tShoigu\tPROPN\tNNP\t_\t2\tobl\t_\t_

            1\tSeoul\tSeoul\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
            2\tsent\tsend\tVERB\tVBD\t_\t0\troot\t_\t_
            3\ttroops\ttroop\tNOUN\tNNS\t_\t2\tobj\t_\t_

            """)
        var trainer = ParserTrainer()
        trainer.maximumEpochs = 4
        trainer.minimumFeatureCount = 1
        trainer.beamWidth = 4
        let (parser, dev) = trainer.train(
            Array(repeating: sentences, count: 3).flatMap { $0 }, dev: sentences, tagger: .english, notes: "test"
        ) { _ in }
        #expect(dev.headsCorrect == dev.words)
        #expect(parser.beamWidth == 4)
        #expect(parser.notes.contains("beam: 4"))
        for sentence in sentences { #expect(parser.parse(sentence.words).heads == sentence.heads) }
        let read = try DependencyParser(modelData: parser.modelData, tagger: .english)
        #expect(read.beamWidth == 4)
        #expect(read.parse(sentences[0].words).relations.map(\.name) == sentences[0].relations)
        // Greedy, the same weights still give a whole tree.
        let greedy = read.withBeamWidth(1).parse(sentences[0].words)
        #expect(greedy.heads.filter { $0 == nil }.count == 1)
    }

    @Test func aTruncatedModelFileOrOneWithAnImpossibleBeamIsRefused() throws {
        let weights = PerceptronWeights(tagCount: 5, keys: [7], starts: [0, 1], entries: [.init(tag: 0, weight: 1)])
        var data = DependencyParser(relations: ["nsubj", "root"], tagger: .english, weights: weights, notes: "", beamWidth: 4)
            .modelData
        for length in 0..<data.count {
            #expect(throws: SyntaxModelError.self) { try DependencyParser(modelData: Array(data.prefix(length)), tagger: .english) }
        }
        data.replaceSubrange(8..<12, with: [0, 0, 0, 0])
        #expect(throws: SyntaxModelError.self) { try DependencyParser(modelData: data, tagger: .english) }
    }

    @Test func pruningLeavesOutSmallWeightsAndFeaturesLeftWithNone() {
        let weights = PerceptronWeights(
            tagCount: 5, keys: [7, 9, 11], starts: [0, 2, 3, 4],
            entries: [.init(tag: 0, weight: 2), .init(tag: 3, weight: -0.5), .init(tag: 4, weight: 0.25), .init(tag: 1, weight: -1.5)])
        let pruned = weights.pruned(minimumWeight: 1)
        #expect(pruned.keys == [7, 11])
        #expect(pruned.starts == [0, 1, 2])
        #expect(pruned.entries == [.init(tag: 0, weight: 2), .init(tag: 1, weight: -1.5)])
        #expect(weights.pruned(minimumWeight: 0).entries == weights.entries)
    }

    @Test func aTrainerWithAMinimumWeightKeepsNoSmallerWeight() throws {
        let sentences = try TreebankSentence.conllu(
            """
            1\tKim\tKim\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
            2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_
            3\tSeoul\tSeoul\tPROPN\tNNP\t_\t2\tobj\t_\t_

            """)
        var trainer = ParserTrainer()
        trainer.maximumEpochs = 2
        trainer.minimumFeatureCount = 1
        trainer.minimumWeight = 0.75
        let (parser, _) = trainer.train(Array(repeating: sentences[0], count: 3), dev: sentences, tagger: .english, notes: "test") { _ in }
        #expect(!parser.weights.entries.isEmpty)
        #expect(parser.weights.entries.allSatisfy { abs($0.weight) > 0.75 })
        #expect(parser.notes.contains("min-weight: 0.75"))
    }

    @Test func aPrunedTaggerTagsAsBeforeAndKeepsItsChunker() throws {
        let tagger = SyntaxTagger.english
        let pruned = tagger.pruned(minimumWeight: 3)
        #expect(pruned.posWeights.entries.count < tagger.posWeights.entries.count)
        #expect(pruned.posWeights.entries.allSatisfy { abs($0.weight) > 3 })
        #expect(pruned.chunkWeights.entries == tagger.chunkWeights.entries)
        let words: [Substring] = ["Kenya", "sent", "troops", "to", "Somalia", "on", "Monday", "."]
        #expect(pruned.partsOfSpeech(words).map(\.tag) == tagger.partsOfSpeech(words).map(\.tag))
        let read = try SyntaxTagger(modelData: pruned.modelData)
        #expect(read.posWeights.entries.count == pruned.posWeights.entries.count)
    }

    /// Scores of every tag for `keys`, as `scorer` adds them into a buffer of `width`.
    private func scores(_ scorer: some FeatureScorer, _ keys: [UInt32], width: Int) -> [Float] {
        var scores = [Float](repeating: 0, count: width)
        var scratch = [UInt64](repeating: 0, count: keys.count)
        keys.withUnsafeBufferPointer { keys in
            scores.withUnsafeMutableBufferPointer { s in
                scratch.withUnsafeMutableBufferPointer { scorer.add(keys, to: s.baseAddress!, scratch: $0.baseAddress!) }
            }
        }
        return Array(scores.prefix(scorer.tagCount))
    }

    @Test func theScoringLayoutGivesTheScoresOfTheWeightsAFileHolds() throws {
        // Feature 7 has one weight (kept in its slot), 9 has three (sparse), 11 has twenty (a dense row); 13 is unknown.
        let raw: [[PerceptronWeights.Entry]] = [
            [.init(tag: 4, weight: 0.3)],
            [.init(tag: 0, weight: 1.7), .init(tag: 3, weight: -0.55), .init(tag: 20, weight: 0.25)],
            (0..<20).map { .init(tag: UInt32($0), weight: Float($0) * 0.37 - 2) },
        ]
        let trained = PerceptronWeights(
            tagCount: 21, keys: [7, 9, 11], starts: [0, 1, 4, 24], entries: raw.flatMap { $0 })
        let parser = DependencyParser(
            relations: (0..<9).map { "rel\($0)" } + ["root"], tagger: .english, weights: trained, notes: "test")
        let read = try DependencyParser(modelData: parser.modelData, tagger: .english)
        let keys: [UInt32] = [9, 13, 11, 7, 11]
        // Read from a file, the layout's scores are the weights' own; trained, those the weights have once written.
        #expect(scores(read.scorer, keys, width: read.scorer.width) == scores(read.weights, keys, width: 21))
        #expect(scores(parser.scorer, keys, width: parser.scorer.width) == scores(read.weights, keys, width: 21))
        #expect(abs(scores(read.weights, keys, width: 21)[0] - (1.7 + 2 * -2)) < 0.001)
    }

    @Test(arguments: [Float.nan, 0, -1, .infinity])
    func weightsWithAnImpossibleScaleAreRefused(scale: Float) throws {
        var writer = ModelWriter([])
        writer.weights(PerceptronWeights(tagCount: 5, keys: [7], starts: [0, 1], entries: [.init(tag: 0, weight: 1)]))
        var bytes = writer.bytes
        bytes.replaceSubrange(0..<4, with: withUnsafeBytes(of: scale.bitPattern.littleEndian, Array.init))
        var reader = ModelReader(bytes: bytes)
        #expect(throws: SyntaxModelError.malformed) { try reader.weights(tagCount: 5) }
        var good = ModelReader(bytes: writer.bytes)
        #expect(try good.weights(tagCount: 5).entries.map(\.weight) == [1])
    }

    @Test func aModelFileRoundTrips() throws {
        let weights = PerceptronWeights(
            tagCount: 5, keys: [7, 9], starts: [0, 2, 3],
            entries: [.init(tag: 0, weight: 1), .init(tag: 3, weight: -0.5), .init(tag: 4, weight: 0.25)])
        let parser = DependencyParser(relations: ["nsubj", "root"], tagger: .english, weights: weights, notes: "test")
        let read = try DependencyParser(modelData: parser.modelData, tagger: .english)
        #expect(read.relations == parser.relations)
        #expect(read.notes == "test")
        #expect(read.weights.keys == [7, 9])
        #expect(throws: SyntaxModelError.self) { try DependencyParser(modelData: Array(parser.modelData.prefix(20)), tagger: .english) }
    }
}

/// The shipped parser on the constructions the event coder reads, in sentences written for these tests.
@Suite("Dependency parser: constructions")
struct ParserConstructionTests {
    let parser = DependencyParser.english

    /// The words of a sentence split at spaces, and a reader of "relation head" for a word.
    private func parse(_ sentence: String) -> (words: [Substring], arc: (String) -> String) {
        let words = sentence.split(separator: " ")
        let tree = parser.parse(words)
        return (
            words,
            { word in
                guard let i = words.firstIndex(where: { $0 == word }) else { return "absent" }
                return "\(tree.relations[i]) \(tree.heads[i].map { String(words[$0]) } ?? "ROOT")"
            }
        )
    }

    @Test func subjectsAndObjects() {
        let (_, arc) = parse("Russia attacked Ukraine on Tuesday .")
        #expect(arc("Russia") == "nsubj attacked")
        #expect(arc("Ukraine") == "obj attacked")
        #expect(arc("attacked") == "root ROOT")
    }

    @Test func passiveSubjectAndAgent() {
        let (_, arc) = parse("The convoy was attacked by rebels near the border .")
        #expect(arc("convoy") == "nsubj:pass attacked")
        #expect(arc("rebels").hasSuffix(" attacked"))
        #expect(arc("rebels").hasPrefix("obl"))
    }

    @Test func coordinatedSubjects() {
        let (_, arc) = parse("Germany and France called for new talks .")
        #expect(arc("Germany") == "nsubj called")
        #expect(arc("France") == "conj Germany")
    }

    @Test func controlVerbs() {
        let (_, arc) = parse("Iran agreed to send troops to Syria .")
        #expect(arc("send") == "xcomp agreed")
        #expect(arc("troops") == "obj send")
    }

    @Test func relativeClauses() {
        let (_, arc) = parse("The soldiers who attacked the village were arrested .")
        #expect(arc("attacked") == "acl:relcl soldiers")
        #expect(arc("who") == "nsubj attacked")
    }

    @Test func possessivesAndNounArguments() {
        let (_, arc) = parse("Moscow 's denial of the report angered Washington .")
        #expect(arc("Moscow") == "nmod:poss denial")
        #expect(arc("report") == "nmod denial")
    }

    @Test func appositions() {
        let (_, arc) = parse("He met his counterpart , Chung Eui-yong , in Seoul .")
        #expect(arc("Chung") == "appos counterpart")
    }
}
