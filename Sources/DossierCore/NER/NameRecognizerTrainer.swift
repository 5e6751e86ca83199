/// Trains a ``NameRecognizer`` on CoNLL-2003 style documents: a structured perceptron (Collins 2002) with averaged
/// weights, decoded with Viterbi; the epoch that scores best on the development documents is kept. With
/// ``passes`` = 2 a second tagger reads the first one's tags (of the word, its neighbours and the same word
/// elsewhere in the document); it trains on first-pass tags of documents the first pass did not train on
/// (``folds``-fold jackknife), so that it learns how far to trust them.
public struct NameRecognizerTrainer: Sendable {
    /// Passes over the training sentences, at most.
    public var epochs = 15
    /// Features seen fewer times than this in the training data get no weight.
    public var minimumFeatureCount = 1
    /// Tagging passes: 1, or 2 for a second pass that reads the first one's tags.
    public var passes = 2
    /// Parts the training documents are cut into to give the second pass first-pass tags.
    public var folds = 5
    public var seed: UInt64 = 20_030_531
    /// The chance that a feature of a training word is hidden for one update (0: none), so that no feature, a
    /// word's own spelling above all, is leaned on alone.
    public var dropout = 0.0
    /// The chance that all the features of a training word's own spelling (the word, its affixes longer than
    /// two letters, its bigrams) are hidden together for one update, so that names are also learnt from context.
    public var wordDropout = 0.0
    /// Perceptrons trained side by side on differently shuffled data (and dropout), their weights averaged.
    public var ensemble = 1
    public var clusters: WordClusters
    public var gazetteer: Gazetteer

    public init(clusters: WordClusters = .none, gazetteer: Gazetteer = .none) {
        self.clusters = clusters
        self.gazetteer = gazetteer
    }

    /// The documents of a corpus, read once: their words' atoms and gold tags.
    private struct Corpus {
        var documents: [NameFeatures.Document]
        var gold: [[[UInt8]]]

        func subset(_ indices: [Int]) -> Corpus {
            Corpus(documents: indices.map { documents[$0] }, gold: indices.map { gold[$0] })
        }
    }

    /// After choosing the epochs of each pass on `dev`, trains again on `train` and `dev` together with those
    /// epochs (the returned dev score is then the one of the model trained on `train` alone).
    public var refitOnDev = false

    /// Trains on `train`, chooses epochs on `dev`, and returns the recogniser (quantised as it ships) with its
    /// score on `dev`. `log` hears one line an epoch.
    public func train(
        _ train: [CoNLLDocument], dev: [CoNLLDocument], notes: String = "", log: (String) -> Void = { _ in }
    ) throws -> (recognizer: NameRecognizer, dev: NameScore) {
        let features = NameFeatures(clusters: clusters, gazetteer: gazetteer)
        let trainCorpus = try corpus(train, features)
        let devCorpus = try corpus(dev, features)
        let chosen = fit(trainCorpus, devCorpus, epochs: [epochs, epochs], features, log: log)
        let model = NameModel(passes: chosen.weights, clusters: clusters, gazetteer: gazetteer, notes: notes)
        let shipped = try NameRecognizer(data: model.serialised())
        let score = Self.score(shipped, dev)
        guard refitOnDev else { return (shipped, score) }
        log("dev F1 (quantised) \(String(format: "%.2f", score.f1)); training again on train and dev, epochs \(chosen.epochs)")
        let all = Corpus(documents: trainCorpus.documents + devCorpus.documents, gold: trainCorpus.gold + devCorpus.gold)
        let refit = fit(all, nil, epochs: chosen.epochs, features, log: log)
        let refitModel = NameModel(passes: refit.weights, clusters: clusters, gazetteer: gazetteer, notes: notes)
        return (try NameRecognizer(data: refitModel.serialised()), score)
    }

    /// Trains every pass on `train`: with `dev`, each pass keeps its best epoch on it (up to `epochs[pass]`);
    /// without, each runs `epochs[pass]` epochs. Returns the weights and the epochs kept.
    private func fit(
        _ trainCorpus: Corpus, _ devCorpus: Corpus?, epochs: [Int], _ features: NameFeatures, log: (String) -> Void
    ) -> (weights: [TaggerWeights], epochs: [Int]) {
        log("pass 1")
        let first = trainPass(trainCorpus, nil, devCorpus, nil, features, epochs: epochs[0], log: log)
        var weights = [first.weights]
        var kept = [first.epochs]
        if passes > 1 {
            var earlier = [[[UInt8]]](repeating: [], count: trainCorpus.documents.count)
            for fold in 0..<folds {
                let held = trainCorpus.documents.indices.filter { $0 % folds == fold }
                let rest = trainCorpus.documents.indices.filter { $0 % folds != fold }
                let part = trainPass(trainCorpus.subset(rest), nil, nil, nil, features, epochs: first.epochs, log: { _ in })
                for index in held { earlier[index] = part.weights.decode(features.keys(trainCorpus.documents[index])) }
                log("fold \(fold + 1) of \(folds) tagged for pass 2")
            }
            let devEarlier = devCorpus.map { $0.documents.map { first.weights.decode(features.keys($0)) } }
            log("pass 2")
            let second = trainPass(trainCorpus, earlier, devCorpus, devEarlier, features, epochs: epochs[1], log: log)
            weights.append(second.weights)
            kept.append(second.epochs)
        }
        return (weights, kept)
    }

    private func corpus(_ documents: [CoNLLDocument], _ features: NameFeatures) throws -> Corpus {
        let gold = try documents.map { document in
            try document.sentences.map { sentence in
                guard let tags = sentence.tags else { throw NameTrainingError.untagged(sentence.words.joined(separator: " ")) }
                return try tags.map { tag in
                    guard let index = NameTag.index(of: Substring(tag)) else { throw NameTrainingError.unknownTag(tag) }
                    return UInt8(index)
                }
            }
        }
        return Corpus(documents: documents.map { features.document($0.sentences.map(\.words)) }, gold: gold)
    }

    /// Trains one pass; with `dev`, keeps the best epoch on it, else runs `epochs` epochs.
    private func trainPass(
        _ train: Corpus, _ earlier: [[[UInt8]]]?, _ dev: Corpus?, _ devEarlier: [[[UInt8]]]?, _ features: NameFeatures, epochs: Int,
        log: (String) -> Void
    ) -> (weights: TaggerWeights, epochs: Int) {
        let tags = NameTag.count
        let trainKeys = train.documents.indices.map { features.keys(train.documents[$0], earlier: earlier?[$0]) }
        var counts: [UInt32: Int32] = [:]
        for document in trainKeys {
            for sentence in document {
                for key in sentence { counts[key, default: 0] += 1 }
            }
        }
        let keys = counts.filter { $0.value >= minimumFeatureCount }.keys.sorted()
        let table = FeatureTable(keys: keys)
        log("\(keys.count) features of \(counts.count) seen at least \(minimumFeatureCount) time(s)")
        var examples: [(rows: [Int32], gold: [UInt8])] = []
        for (documentKeys, gold) in zip(trainKeys, train.gold) {
            for (sentenceKeys, sentenceGold) in zip(documentKeys, gold) {
                examples.append((sentenceKeys.map { table.row($0) }, sentenceGold))
            }
        }
        let devKeys = dev.map { dev in dev.documents.indices.map { features.keys(dev.documents[$0], earlier: devEarlier?[$0]) } }
        var perceptrons = (0..<max(1, ensemble)).map { _ in Perceptron(rows: keys.count, transitionCount: (tags + 1) * tags) }
        var randoms = perceptrons.indices.map { SplitMix(seed: seed &+ UInt64($0) &* 7_919) }
        var orders = perceptrons.map { _ in Array(examples.indices) }
        var best: (f1: Double, weights: TaggerWeights, epoch: Int)?
        var scores: [Float] = []
        for epoch in 1...epochs {
            var mistakes = 0
            for m in perceptrons.indices {
                orders[m].shuffle(using: &randoms[m])
                for index in orders[m] {
                    var example = examples[index]
                    if dropout > 0 {
                        let threshold = UInt64(dropout * 0x1p32)
                        for f in example.rows.indices where f % NameFeatures.perWord != 0 && randoms[m].next() >> 32 < threshold {
                            example.rows[f] = -1
                        }
                    }
                    if wordDropout > 0 {
                        let threshold = UInt64(wordDropout * 0x1p32)
                        for i in example.gold.indices where randoms[m].next() >> 32 < threshold {
                            for f in NameFeatures.spelling { example.rows[i * NameFeatures.perWord + f] = -1 }
                        }
                    }
                    let predicted = example.rows.withUnsafeBufferPointer {
                        TaggerWeights.decode(
                            rows: $0, count: example.gold.count, weights: perceptrons[m].weights, transitions: perceptrons[m].transitions,
                            scores: &scores)
                    }
                    if predicted != example.gold {
                        mistakes += 1
                        perceptrons[m].update(example.rows, gold: example.gold, predicted: predicted)
                    }
                    perceptrons[m].tick()
                }
            }
            // The members' averaged weights, averaged.
            var averaged = perceptrons[0].averagedWeights
            var averagedTransitions = perceptrons[0].averagedTransitions
            for member in perceptrons.dropFirst() {
                for (j, w) in member.averagedWeights.enumerated() { averaged[j] += w }
                for (j, w) in member.averagedTransitions.enumerated() { averagedTransitions[j] += w }
            }
            let share = 1 / Float(perceptrons.count)
            let weights = TaggerWeights(
                transitions: averagedTransitions.map { $0 * share }, table: table, weights: averaged.map { $0 * share })
            guard let dev, let devKeys else {
                best = (0, weights, epoch)
                continue
            }
            var score = NameScore()
            for (documentKeys, gold) in zip(devKeys, dev.gold) {
                for (predicted, sentenceGold) in zip(weights.decode(documentKeys), gold) {
                    score.add(gold: sentenceGold.map { NameTag.labels[Int($0)] }, predicted: predicted.map { NameTag.labels[Int($0)] })
                }
            }
            log("epoch \(epoch): \(mistakes) sentences wrong; dev F1 \(String(format: "%.2f", score.f1))")
            if best == nil || score.f1 > best!.f1 { best = (score.f1, weights, epoch) }
        }
        return (best!.weights, best!.epoch)
    }

    /// The exact-span score of a recogniser on tagged documents.
    public static func score(_ recognizer: NameRecognizer, _ documents: [CoNLLDocument]) -> NameScore {
        var score = NameScore()
        for document in documents {
            let predicted = recognizer.tag(sentences: document.sentences.map(\.words))
            for (sentence, tags) in zip(document.sentences, predicted) {
                if let gold = sentence.tags { score.add(gold: gold, predicted: tags) }
            }
        }
        return score
    }
}

/// Why training cannot go on.
public enum NameTrainingError: Error, CustomStringConvertible {
    case untagged(String)
    case unknownTag(String)

    public var description: String {
        switch self {
        case .untagged(let sentence): "a training sentence has no NER column: \(sentence)"
        case .unknownTag(let tag): "unknown tag '\(tag)' (expected O, B-/I- PER, ORG, LOC, MISC)"
        }
    }
}

/// Perceptron weights with the running sums that averaging needs (the "lazy" form: averaged = w − Σ(c·Δ)/c).
private struct Perceptron {
    var weights: [Float]
    var sums: [Float]
    var transitions: [Float]
    var transitionSums: [Float]
    var instances: Float = 1

    init(rows: Int, transitionCount: Int) {
        weights = [Float](repeating: 0, count: rows * NameTag.count)
        sums = weights
        transitions = [Float](repeating: 0, count: transitionCount)
        transitionSums = transitions
    }

    var averagedWeights: [Float] { zip(weights, sums).map { $0 - $1 / instances } }
    var averagedTransitions: [Float] { zip(transitions, transitionSums).map { $0 - $1 / instances } }

    mutating func tick() { instances += 1 }

    mutating func update(_ rows: [Int32], gold: [UInt8], predicted: [UInt8]) {
        let tags = NameTag.count
        let perWord = NameFeatures.perWord
        for i in gold.indices {
            let g = Int(gold[i])
            let p = Int(predicted[i])
            if g != p {
                for f in (i * perWord)..<((i + 1) * perWord) where rows[f] >= 0 {
                    let base = Int(rows[f]) * tags
                    weights[base + g] += 1
                    sums[base + g] += instances
                    weights[base + p] -= 1
                    sums[base + p] -= instances
                }
            }
            let goldPrevious = i > 0 ? Int(gold[i - 1]) : tags
            let predictedPrevious = i > 0 ? Int(predicted[i - 1]) : tags
            if goldPrevious != predictedPrevious || g != p {
                transitions[goldPrevious * tags + g] += 1
                transitionSums[goldPrevious * tags + g] += instances
                transitions[predictedPrevious * tags + p] -= 1
                transitionSums[predictedPrevious * tags + p] -= instances
            }
        }
    }
}
