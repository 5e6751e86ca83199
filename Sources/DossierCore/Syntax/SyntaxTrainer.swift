/// A sentence with its gold part-of-speech and chunk tags, for training and scoring.
public struct SyntaxSentence: Sendable {
    public var words: [String]
    public var pos: [String]
    public var chunks: [String]

    public init(words: [String], pos: [String], chunks: [String]) {
        self.words = words
        self.pos = pos
        self.chunks = chunks
    }

    /// The sentences of a CoNLL-2003 column file ("WORD POS CHUNK NER" lines); lines with fewer columns are skipped.
    public static func conll(_ text: String) -> [SyntaxSentence] {
        CoNLL.documents(text).flatMap(\.sentences).compactMap { sentence in
            let columns = sentence.lines.map { $0.split(separator: " ") }.filter { $0.count >= 3 }
            guard !columns.isEmpty else { return nil }
            return SyntaxSentence(
                words: columns.map { String($0[0]) }, pos: columns.map { String($0[1]) }, chunks: columns.map { String($0[2]) })
        }
    }
}

/// How well tags match gold ones: part-of-speech and chunk-tag accuracy, and chunk precision, recall and F1 over
/// exact spans, as conlleval counts them.
public struct SyntaxScore: Sendable, CustomStringConvertible {
    public var tokens = 0
    public var posCorrect = 0
    public var chunkTagsCorrect = 0
    public var chunksFound = 0
    public var chunksGold = 0
    public var chunksCorrect = 0

    public var posAccuracy: Double { Double(posCorrect) / Double(max(tokens, 1)) }
    public var chunkAccuracy: Double { Double(chunkTagsCorrect) / Double(max(tokens, 1)) }
    public var chunkPrecision: Double { Double(chunksCorrect) / Double(max(chunksFound, 1)) }
    public var chunkRecall: Double { Double(chunksCorrect) / Double(max(chunksGold, 1)) }
    public var chunkF1: Double {
        chunkPrecision + chunkRecall == 0 ? 0 : 2 * chunkPrecision * chunkRecall / (chunkPrecision + chunkRecall)
    }

    public var description: String {
        "\(tokens) tokens: POS accuracy \(Self.percent(posAccuracy))%, chunk tags \(Self.percent(chunkAccuracy))%, "
            + "chunks P \(Self.percent(chunkPrecision))% R \(Self.percent(chunkRecall))% F1 \(Self.percent(chunkF1))%"
    }

    static func percent(_ value: Double) -> String {
        let hundredths = Int((value * 10000).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Adds one sentence's predicted tags.
    mutating func add(gold: SyntaxSentence, pos: [String], chunks: [String]) {
        tokens += gold.words.count
        posCorrect += zip(gold.pos, pos).filter { $0 == $1 }.count
        chunkTagsCorrect += zip(gold.chunks, chunks).filter { $0 == $1 }.count
        let goldChunks = Set(ChunkTag.chunks(gold.chunks.map(ChunkTag.init)))
        let found = ChunkTag.chunks(chunks.map(ChunkTag.init))
        chunksGold += goldChunks.count
        chunksFound += found.count
        chunksCorrect += found.filter(goldChunks.contains).count
    }
}

extension SyntaxTagger {
    /// Tags the sentences and scores the tags against their gold ones.
    public func evaluate(_ sentences: [SyntaxSentence]) -> SyntaxScore {
        var score = SyntaxScore()
        for sentence in sentences {
            let (pos, chunks) = tagIndices(sentence.words)
            score.add(
                gold: sentence, pos: pos.map { posLabels[Int($0)].tag }, chunks: chunks.map { chunkLabels[Int($0)].tag })
        }
        return score
    }
}

/// Trains a ``SyntaxTagger`` on sentences with gold tags: first the part-of-speech perceptron, then the chunker on
/// part-of-speech tags as the tagger will give them (jackknifed: each fold tagged by a tagger trained on the
/// others). Each perceptron's number of epochs is the one that scored best on the development sentences.
public struct SyntaxTrainer: Sendable {
    /// The most passes over the training data for each perceptron; the best on the development set is kept.
    public var maximumEpochs = 12
    /// Features seen fewer times in training get no weight.
    public var minimumFeatureCount = 1
    /// A word seen this often, with one tag at least ``dictionaryAgreement`` of the time, always takes that tag.
    public var dictionaryMinimumCount = 20
    public var dictionaryAgreement = 0.97
    /// Folds for the chunker's part-of-speech input; below 2 the chunker learns from gold tags.
    public var folds = 0
    /// After choosing the epochs, train again on the training and development sentences together.
    public var refitOnDev = false
    /// Seeds the shuffling of the sentences between epochs.
    public var seed: UInt64 = 1
    /// Word clusters whose path prefixes become features; the tagger keeps them.
    public var clusters = WordClusters.none

    public init() {}

    /// The trained tagger and its score on `dev` (trained on `train` alone); `log` hears the progress.
    public func train(
        _ train: [SyntaxSentence], dev: [SyntaxSentence], notes: String, log: (String) -> Void
    ) -> (tagger: SyntaxTagger, dev: SyntaxScore) {
        let labels = Labels(
            clusters: clusters, pos: Set((train + dev).flatMap(\.pos)).sorted(),
            chunks: Set((train + dev).flatMap(\.chunks) + ["O"]).sorted())
        let trainSet = train.map(labels.encode)
        let devSet = dev.map(labels.encode)

        let dictionary = tagDictionary(trainSet)
        let (posWeights, posEpochs) = partsOfSpeech(trainSet, labels, dictionary, epochs: maximumEpochs, dev: devSet, log)
        let devTags = devSet.map { GreedyDecoder.partsOfSpeech($0.padded, scorer: posWeights, dictionary: dictionary) }
        let (chunkWeights, chunkEpochs) = chunks(
            trainSet, tags: jackknifed(trainSet, labels, epochs: posEpochs, log), labels, epochs: maximumEpochs,
            dev: (devSet, devTags), log)
        var tagger = labels.tagger(dictionary, posWeights, chunkWeights, notes: notes)
        let devScore = tagger.evaluate(dev)
        log("dev: \(devScore)")
        if refitOnDev {
            let all = trainSet + devSet
            let dictionary = tagDictionary(all)
            let posWeights = partsOfSpeech(all, labels, dictionary, epochs: posEpochs, dev: nil, log).weights
            let tags = jackknifed(all, labels, epochs: posEpochs, log)
            let chunkWeights = chunks(all, tags: tags, labels, epochs: chunkEpochs, dev: nil, log).weights
            tagger = labels.tagger(dictionary, posWeights, chunkWeights, notes: notes)
        }
        let settings = [
            "epochs: \(posEpochs) (POS), \(chunkEpochs) (chunks), chosen on dev; min-count: \(minimumFeatureCount)",
            "tag dictionary: \(tagger.tagDictionary.tags.count) words (seen ≥ \(dictionaryMinimumCount) times, one tag ≥ \(dictionaryAgreement) of them)",
            "chunker trained on \(folds > 1 ? "\(folds)-fold jackknifed" : "gold") POS tags"
                + (refitOnDev ? "; then both trained again on train and dev together" : ""),
            "dev, trained on train alone: \(devScore)",
        ]
        let described = labels.tagger(
            tagger.tagDictionary, tagger.posWeights, tagger.chunkWeights, notes: ([notes] + settings).joined(separator: "\n"))
        return (described, devScore)
    }

    /// Label indices, and sentences as the decoder reads them.
    struct Labels {
        let posLabels: [String]
        let chunkLabels: [String]
        let pos: [String: UInt8]
        let chunks: [String: UInt8]
        let chunkAllowed: [Bool]
        let clusters: WordClusters

        init(clusters: WordClusters, pos: [String], chunks: [String]) {
            self.clusters = clusters
            posLabels = pos
            chunkLabels = chunks
            self.pos = Dictionary(uniqueKeysWithValues: pos.enumerated().map { ($1, UInt8($0)) })
            self.chunks = Dictionary(uniqueKeysWithValues: chunks.enumerated().map { ($1, UInt8($0)) })
            chunkAllowed = SyntaxTagger.allowedChunks(chunks)
        }

        func encode(_ sentence: SyntaxSentence) -> Encoded {
            Encoded(
                padded: GreedyDecoder.padded(sentence.words, clusters: clusters), pos: sentence.pos.map { pos[$0]! },
                chunks: sentence.chunks.map { chunks[$0]! }, hasChunks: sentence.chunks.contains { $0 != "O" })
        }

        func tagger(
            _ dictionary: FormTable, _ posWeights: PerceptronWeights, _ chunkWeights: PerceptronWeights, notes: String
        ) -> SyntaxTagger {
            SyntaxTagger(
                posLabels: posLabels, chunkLabels: chunkLabels, tagDictionary: dictionary.tags, clusters: clusters,
                posWeights: posWeights,
                chunkWeights: chunkWeights, notes: notes)
        }
    }

    struct Encoded {
        var padded: [WordHashes]
        var pos: [UInt8]
        var chunks: [UInt8]
        /// Whether the sentence has chunk tags other than "O".
        var hasChunks: Bool
    }

    /// Frequent words that (nearly) always had one tag.
    func tagDictionary(_ sentences: [Encoded]) -> FormTable {
        var counts: [UInt64: [UInt8: Int]] = [:]
        for sentence in sentences {
            for (i, tag) in sentence.pos.enumerated() {
                counts[sentence.padded[i + 2].form, default: [:]][tag, default: 0] += 1
            }
        }
        let tags = counts.compactMapValues { tags -> UInt8? in
            let total = tags.values.reduce(0, +)
            guard total >= dictionaryMinimumCount, let (tag, count) = tags.max(by: { $0.value < $1.value }),
                Double(count) / Double(total) >= dictionaryAgreement
            else { return nil }
            return tag
        }
        return FormTable(tags)
    }

    /// The part-of-speech perceptron after `epochs` passes, or, with `dev`, after the pass that scored best there.
    private func partsOfSpeech(
        _ sentences: [Encoded], _ labels: Labels, _ dictionary: FormTable, epochs: Int, dev: [Encoded]?,
        _ log: (String) -> Void
    ) -> (weights: PerceptronWeights, epochs: Int) {
        let score = dev.map { dev in
            { (weights: PerceptronWeights) -> Double in
                var correct = 0
                var total = 0
                for sentence in dev {
                    let tags = GreedyDecoder.partsOfSpeech(sentence.padded, scorer: weights, dictionary: dictionary)
                    correct += zip(tags, sentence.pos).filter { $0 == $1 }.count
                    total += tags.count
                }
                return Double(correct) / Double(max(total, 1))
            }
        }
        return perceptron(
            sentences.count, tagCount: labels.posLabels.count, epochs: epochs, score: score, name: "POS", log
        ) { perceptron, s in
            _ = GreedyDecoder.partsOfSpeech(sentences[s].padded, scorer: perceptron, dictionary: dictionary) {
                keys, i, guess in perceptron.learn(keys, truth: Int(sentences[s].pos[i]), guess: guess)
            }
        }
    }

    /// The chunk perceptron, learning from the part-of-speech `tags` given for each sentence; `dev` as for
    /// ``partsOfSpeech``, with its sentences' predicted tags.
    private func chunks(
        _ sentences: [Encoded], tags: [[UInt8]], _ labels: Labels, epochs: Int, dev: ([Encoded], [[UInt8]])?,
        _ log: (String) -> Void
    ) -> (weights: PerceptronWeights, epochs: Int) {
        let score = dev.map { dev, devTags in
            { (weights: PerceptronWeights) -> Double in
                var score = SyntaxScore()
                for (sentence, tags) in zip(dev, devTags) {
                    let chunks = GreedyDecoder.chunks(sentence.padded, tags: tags, scorer: weights, allowed: labels.chunkAllowed)
                    score.add(
                        gold: SyntaxSentence(words: [], pos: [], chunks: sentence.chunks.map { labels.chunkLabels[Int($0)] }),
                        pos: [], chunks: chunks.map { labels.chunkLabels[Int($0)] })
                }
                return score.chunkF1
            }
        }
        return perceptron(
            sentences.count, tagCount: labels.chunkLabels.count, epochs: epochs, score: score, name: "chunk", log
        ) { perceptron, s in
            // A sentence from a treebank without chunks (every tag "O") teaches the tagger only.
            guard sentences[s].hasChunks else { return }
            _ = GreedyDecoder.chunks(sentences[s].padded, tags: tags[s], scorer: perceptron, allowed: labels.chunkAllowed) {
                keys, i, guess in perceptron.learn(keys, truth: Int(sentences[s].chunks[i]), guess: guess)
            }
        }
    }

    /// Each sentence's part-of-speech tags as a tagger trained without its fold gives them (gold tags with
    /// fewer than two folds).
    private func jackknifed(_ sentences: [Encoded], _ labels: Labels, epochs: Int, _ log: (String) -> Void) -> [[UInt8]] {
        guard folds > 1 else { return sentences.map(\.pos) }
        var tags = sentences.map(\.pos)
        for fold in 0..<folds {
            let rest = sentences.indices.filter { $0 % folds != fold }.map { sentences[$0] }
            let dictionary = tagDictionary(rest)
            let weights = partsOfSpeech(rest, labels, dictionary, epochs: epochs, dev: nil, { _ in }).weights
            for s in stride(from: fold, to: sentences.count, by: folds) {
                tags[s] = GreedyDecoder.partsOfSpeech(sentences[s].padded, scorer: weights, dictionary: dictionary)
            }
            log("jackknife fold \(fold + 1)/\(folds) tagged")
        }
        return tags
    }

    /// Runs `learn` over every sentence index, shuffled anew each epoch, and returns the averaged weights: after
    /// `epochs`, or with `score`, after the epoch that scored best.
    private func perceptron(
        _ count: Int, tagCount: Int, epochs: Int, score: ((PerceptronWeights) -> Double)?, name: String,
        _ log: (String) -> Void, learn: (PerceptronTrainer, Int) -> Void
    ) -> (weights: PerceptronWeights, epochs: Int) {
        let perceptron = PerceptronTrainer(tagCount: tagCount)
        var generator = SplitMix(seed: seed)
        var order = Array(0..<count)
        var best: (weights: PerceptronWeights, epochs: Int, score: Double)?
        for epoch in 1...epochs {
            order.shuffle(using: &generator)
            for s in order { learn(perceptron, s) }
            perceptron.countsFeatures = false
            guard let score else { continue }
            let weights = perceptron.averaged(minimumCount: minimumFeatureCount)
            let value = score(weights)
            log("\(name) epoch \(epoch): dev \(SyntaxScore.percent(value))%")
            if value > best?.score ?? -1 { best = (weights, epoch, value) }
        }
        if let best { return (best.weights, best.epochs) }
        return (perceptron.averaged(minimumCount: minimumFeatureCount), epochs)
    }
}
