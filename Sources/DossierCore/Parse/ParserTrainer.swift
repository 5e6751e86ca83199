/// Trains a ``DependencyParser`` on treebank sentences: an averaged perceptron over the arc-hybrid moves, with
/// Goldberg and Nivre's (2013) dynamic oracle. Each move it gets wrong (one that loses more gold arcs than the best
/// allowed move) moves the weights towards the best-scoring move that loses none of them; after the first epoch it
/// follows its own prediction most of the time, so that it learns to recover from its mistakes. With a
/// ``beamWidth`` above 1 it learns instead from whole move sequences in a beam (``learnGlobally(_:_:labelCount:rootLabel:)``).
/// The number of epochs is the one that scored best on the development sentences.
public struct ParserTrainer: Sendable {
    /// The most passes over the training sentences; the best on the development set is kept.
    public var maximumEpochs = 15
    /// Features seen fewer times in the first pass get no weight.
    public var minimumFeatureCount = 2
    /// Weights of this magnitude or less are left out of the model: the many small ones that rare features earn move
    /// few decisions, and each costs a lookup when parsing.
    public var minimumWeight: Float = 0
    /// How often, from the second epoch on, training follows the predicted move rather than a right one.
    public var explorationRate = 0.9
    /// Seeds the shuffling and the exploration.
    public var seed: UInt64 = 1
    /// After choosing the epochs, train again on the training and development sentences together.
    public var refitOnDev = false
    /// How many move sequences the parser keeps while it parses; above 1, it learns from whole sequences in a beam
    /// of this width (``learnGlobally(_:_:labelCount:rootLabel:)``) rather than from each move greedily.
    public var beamWidth = 1

    public init() {}

    /// A sentence as the trainer reads it: the features' view, and the gold tree over words `1...n` (0 the root).
    struct Encoded {
        var sentence: ParseFeatures.Sentence
        var heads: [Int32]
        var labels: [Int]
        var wordCount: Int { heads.count - 1 }
    }

    /// The parser after the epoch that scored best on `dev` (or, with ``refitOnDev``, trained again on `train` and
    /// `dev` together for that many epochs), and that score; `log` hears the progress. `trainingTags`, when given,
    /// are the tag indices of `tagger`'s labels to read for each training sentence (jackknifed tags: each sentence
    /// tagged by a tagger that never saw it), else `tagger` tags them.
    public func train(
        _ train: [TreebankSentence], dev: [TreebankSentence], tagger: SyntaxTagger, trainingTags: [[UInt8]]? = nil,
        notes: String, log: (String) -> Void
    ) -> (parser: DependencyParser, dev: AttachmentScore) {
        let relations = Array(
            Set((train + dev).flatMap { $0.relations.map { DependencyRelation.trained($0[...]) } } + ["root"])
        ).sorted()
        precondition(relations.count <= 64, "the parser keeps at most 64 relations")
        let index = Dictionary(uniqueKeysWithValues: relations.enumerated().map { ($1, $0) })
        func encode(_ sentence: TreebankSentence, tags: [UInt8]?) -> Encoded {
            let padded = tagger.hashes(sentence.words)
            return Encoded(
                sentence: DependencyParser.sentence(padded, tags: tags ?? tagger.partsOfSpeechIndices(padded)),
                heads: [-1] + sentence.heads.map { Int32(($0 ?? -1) + 1) },
                labels: [0] + sentence.relations.map { index[DependencyRelation.trained($0[...])]! })
        }
        let encoded = train.indices.map { encode(train[$0], tags: trainingTags?[$0]) }
        let model = { (weights: PerceptronWeights) in
            DependencyParser(relations: relations, tagger: tagger, weights: weights, notes: notes, beamWidth: beamWidth)
        }
        var chosen = epochs(encoded, relations: relations, upTo: maximumEpochs, log: log) { weights in
            model(weights).evaluate(dev)
        }
        let devScore = chosen.score!
        if refitOnDev {
            log("training again on train and dev, \(chosen.epoch) epochs")
            chosen = epochs(encoded + dev.map { encode($0, tags: nil) }, relations: relations, upTo: chosen.epoch, log: log)
        }
        let settings = [
            "epochs: \(chosen.epoch) of \(maximumEpochs), chosen on dev; min-count: \(minimumFeatureCount); "
                + "min-weight: \(minimumWeight); "
                + (beamWidth > 1
                    ? "beam: \(beamWidth), max-violation updates" : "greedy, exploration: \(explorationRate) from the second epoch"),
            "\(train.count) training sentences, \(train.reduce(0) { $0 + $1.words.count }) words; "
                + "\(chosen.weights.keys.count) features",
            "dev: \(devScore)" + (refitOnDev ? " (trained on train alone); then trained again on train and dev" : ""),
        ]
        let parser = DependencyParser(
            relations: relations, tagger: tagger, weights: chosen.weights,
            notes: ([notes] + settings).joined(separator: "\n"), beamWidth: beamWidth)
        return (parser, devScore)
    }

    /// Up to `maximum` passes over `encoded`; with `score`, the weights of the epoch it scores best (labelled), else
    /// the last epoch's.
    private func epochs(
        _ encoded: [Encoded], relations: [String], upTo maximum: Int, log: (String) -> Void,
        score: ((PerceptronWeights) -> AttachmentScore)? = nil
    ) -> (weights: PerceptronWeights, score: AttachmentScore?, epoch: Int) {
        let rootLabel = relations.firstIndex(of: "root")!
        let perceptron = PerceptronTrainer(tagCount: 1 + 2 * relations.count)
        var random = SplitMix(seed: seed)
        var order = Array(encoded.indices)
        var best: (weights: PerceptronWeights, score: AttachmentScore?, epoch: Int)?
        for epoch in 1...maximum {
            order.shuffle(using: &random)
            perceptron.countsFeatures = epoch == 1
            var moves = 0
            var mistakes = 0
            for i in order {
                if beamWidth > 1 {
                    if epoch == 1 { countFeatures(encoded[i], perceptron, labelCount: relations.count, rootLabel: rootLabel) }
                    moves += 1
                    if !learnGlobally(encoded[i], perceptron, labelCount: relations.count, rootLabel: rootLabel) { mistakes += 1 }
                    continue
                }
                let (m, wrong) = learn(
                    encoded[i], perceptron, labelCount: relations.count, rootLabel: rootLabel,
                    explore: epoch > 1 ? explorationRate : 0, random: &random)
                moves += m
                mistakes += wrong
            }
            let weights = perceptron.averaged(minimumCount: minimumFeatureCount).pruned(minimumWeight: minimumWeight)
            let scored = score?(weights)
            log(
                "epoch \(epoch): \(mistakes) of \(moves) \(beamWidth > 1 ? "sentences" : "moves") wrong; "
                    + (scored.map { "dev \($0); " } ?? "")
                    + "\(weights.keys.count) features")
            if best == nil || scored == nil || scored!.labelled > best!.score!.labelled { best = (weights, scored, epoch) }
        }
        return best!
    }

    /// One pass over a sentence; returns how many moves were made and how many were wrong.
    private func learn(
        _ gold: Encoded, _ perceptron: PerceptronTrainer, labelCount: Int, rootLabel: Int, explore: Double,
        random: inout SplitMix
    ) -> (moves: Int, mistakes: Int) {
        var state = ArcHybrid(wordCount: gold.wordCount, labelCount: labelCount, rootLabel: rootLabel)
        let moveCount = 1 + 2 * labelCount
        var keys = [UInt32](repeating: 0, count: ParseFeatures.count)
        var scores = [Float](repeating: 0, count: moveCount)
        var scratch = [UInt64](repeating: 0, count: ParseFeatures.count)
        var right = [Bool](repeating: false, count: moveCount)
        var moves = 0
        var mistakes = 0
        keys.withUnsafeMutableBufferPointer { k in
            scores.withUnsafeMutableBufferPointer { s in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    while !state.isFinal {
                        ParseFeatures.extract(state, gold.sentence, into: k.baseAddress!)
                        for m in 0..<moveCount { s[m] = 0 }
                        perceptron.add(UnsafeBufferPointer(k), to: s.baseAddress!, scratch: scratch.baseAddress!)
                        let predicted = DependencyParser.best(s, state)
                        rightMoves(state, gold, into: &right)
                        var truth = -1
                        for m in 0..<moveCount where right[m] && (truth < 0 || s[m] > s[truth]) { truth = m }
                        let wrong = !right[predicted]
                        perceptron.learn(UnsafeBufferPointer(k), truth: wrong ? truth : predicted, guess: predicted)
                        moves += 1
                        if wrong { mistakes += 1 }
                        let follow =
                            wrong && Double(random.next() >> 11) / Double(1 << 53) < explore ? predicted : wrong ? truth : predicted
                        state.apply(follow)
                    }
                }
            }
        }
        return (moves, mistakes)
    }

    /// The moves allowed now that lose no more gold arcs than the best of them; an arc to the gold head must carry
    /// the gold relation.
    func rightMoves(_ state: ArcHybrid, _ gold: Encoded, into right: inout [Bool]) {
        let costs = state.costs(goldHeads: gold.heads)
        let least = [costs.shift, costs.left, costs.right].compactMap { $0 }.min() ?? 0
        let labelCount = state.labelCount
        for m in right.indices { right[m] = false }
        right[0] = costs.shift == least
        let s0 = Int(state.stack(0))
        if costs.left == least {
            let goldArc = gold.heads[s0] == state.buffer(0)
            for l in 0..<labelCount where state.allows(1 + l) && (!goldArc || l == gold.labels[s0]) { right[1 + l] = true }
        }
        if costs.right == least {
            let goldArc = gold.heads[s0] == state.stack(1)
            for l in 0..<labelCount where state.allows(1 + labelCount + l) && (!goldArc || l == gold.labels[s0]) {
                right[1 + labelCount + l] = true
            }
        }
        // A gold relation the state does not allow (the root's, below another word): any relation will do.
        if !right.contains(true) {
            for m in right.indices where state.allows(m) { right[m] = true }
        }
    }
}

extension ParserTrainer {
    /// Each treebank sentence's tag indices (of `tagger`'s labels) as a tagger trained without it gives them: the
    /// tagger's training sentences that are also treebank sentences (the same words) fall in `folds` folds by the hash
    /// of their words, and fold `f` is tagged by a tagger trained on every other sentence; sentences the tagger never
    /// trained on (another corpus) always train it. The fold taggers read `tagger`'s word clusters.
    public static func jackknifedTags(
        _ sentences: [TreebankSentence], taggerTraining: [SyntaxSentence], taggerDev: [SyntaxSentence], folds: Int,
        tagger: SyntaxTagger, log: (String) -> Void
    ) throws -> [[UInt8]] {
        func fold(_ words: [String]) -> Int { Int(FeatureHash.of(words.joined(separator: " ")) % UInt64(folds)) }
        let treebankWords = Set(sentences.map { $0.words.joined(separator: " ") })
        var tags = [[UInt8]](repeating: [], count: sentences.count)
        for f in 0..<folds {
            let kept = taggerTraining.filter { !treebankWords.contains($0.words.joined(separator: " ")) || fold($0.words) != f }
            var trainer = SyntaxTrainer()
            trainer.maximumEpochs = 10
            trainer.clusters = tagger.clusters
            let (foldTagger, _) = trainer.train(kept, dev: taggerDev, notes: "fold \(f)") { _ in }
            guard foldTagger.posLabels == tagger.posLabels else { throw ParserTrainingError.otherTags(fold: f) }
            for i in sentences.indices where fold(sentences[i].words) == f {
                tags[i] = foldTagger.partsOfSpeechIndices(sentences[i].words)
            }
            log("jackknife fold \(f + 1)/\(folds) tagged")
        }
        return tags
    }
}

public enum ParserTrainingError: Error, CustomStringConvertible {
    case otherTags(fold: Int)

    public var description: String {
        switch self {
        case .otherTags(let fold):
            "the tagger of jackknife fold \(fold) has other tags than the shipped tagger: train both on the same file"
        }
    }
}

extension DependencyParser {
    /// Attachment scores on treebank sentences, parsed with the parser's own part-of-speech tags.
    public func evaluate(_ sentences: [TreebankSentence]) -> AttachmentScore {
        var score = AttachmentScore()
        for sentence in sentences { score.add(gold: sentence, parsed: parse(sentence.words)) }
        return score
    }
}
