/// A sentence coded by a person: what happened (a CAMEO code) and the words that name who did it to whom.
public struct CodedSentence: Sendable {
    public var text: String
    public var code: String
    public var source: String
    public var target: String

    public init(text: String, code: String, source: String, target: String) {
        self.text = text
        self.code = code
        self.source = source
        self.target = target
    }
}

/// Trains ``EventTypeClassifier`` on coded sentences. Each sentence is read by the standard pipeline and parsed; of its
/// dyads (``Dyad``), the one whose actors share a content word with the coded source and target is an instance of the
/// code, the others of none. Sentences with no such dyad teach nothing.
public struct EventTypeTrainer {
    public var epochs = 12
    public var minimumCount = 1
    public var seed: UInt64 = 1
    /// Verbs never worth parsing a sentence for, whatever training saw: the verbs of saying, whose event is what was
    /// said (`speech.txt`).
    public var excludedVerbs: Set<String> = []

    public init() {}

    /// The dyads of a sentence with the index of the one the coding names, if any.
    static func instances(_ sentence: CodedSentence, pipeline: Pipeline, coder: EventCoder) throws -> [(features: [String], isCoded: Bool)]
    {
        var document = Document(text: sentence.text, source: "train", given: GivenMetadata(title: ""))
        try pipeline.run(&document)
        var sentenceCoder = SentenceCoder(document: document, coder: coder)
        let source = contentWords(sentence.source)
        let target = contentWords(sentence.target)
        var out: [(features: [String], isCoded: Bool)] = []
        var coded = false
        for s in document.sentences.indices {
            sentenceCoder.prepare(s)
            guard let parsed = sentenceCoder.parse() else { continue }
            for dyad in sentenceCoder.dyads(parsed, Array(document.sentences[s].tokens)) {
                let matches =
                    !coded && names(dyad.sources[0], in: sentenceCoder.document, share: source)
                    && names(dyad.targets[0], in: sentenceCoder.document, share: target)
                coded = coded || matches
                out.append((dyad.features, matches))
            }
        }
        return coded ? out : []
    }

    /// Trains on `sentences`, read by `pipeline` (the standard one, without a classifier); `notes` go into the model.
    public func train(
        _ sentences: [CodedSentence], pipeline: Pipeline, coder: EventCoder, notes: String, progress: (String) -> Void = { _ in }
    ) throws -> EventTypeClassifier {
        let labels = [""] + Set(sentences.map(\.code)).sorted()
        var data: [(keys: [UInt32], label: Int)] = []
        /// How often each verb stem heads the coded dyad, and another.
        var stemCounts: [String: (coded: Int, other: Int)] = [:]
        var used = 0
        for sentence in sentences {
            let instances = try Self.instances(sentence, pipeline: pipeline, coder: coder)
            used += instances.isEmpty ? 0 : 1
            for (features, isCoded) in instances {
                let label = isCoded ? labels.firstIndex(of: sentence.code)! : 0
                if let verb = features.first(where: { $0.hasPrefix("v=") }) {
                    let stem = String(verb.dropFirst(2))
                    if isCoded { stemCounts[stem, default: (0, 0)].coded += 1 } else { stemCounts[stem, default: (0, 0)].other += 1 }
                }
                data.append((EventTypeClassifier.features(features), label))
            }
        }
        // The verbs worth parsing a sentence for: those that head the coded dyad at least as often as another ("said"
        // mostly introduces what someone did).
        let excluded = Set(excludedVerbs.map { EventTypeClassifier.stem($0) })
        let stems = Set(stemCounts.filter { $0.value.coded >= max(2, $0.value.other) && !excluded.contains($0.key) }.keys)
        progress(
            "\(used) of \(sentences.count) sentences have a dyad with the coded actors; \(data.count) dyads in all; "
                + "\(stems.count) of \(stemCounts.count) verbs kept")
        let trainer = PerceptronTrainer(tagCount: labels.count)
        var generator = SplitMix(seed: seed)
        var scores = [Float](repeating: 0, count: labels.count)
        var scratch = [UInt64](repeating: 0, count: 64)
        for epoch in 1...epochs {
            data.shuffle(using: &generator)
            var right = 0
            for (keys, label) in data {
                if scratch.count < keys.count { scratch = [UInt64](repeating: 0, count: keys.count) }
                for t in scores.indices { scores[t] = 0 }
                keys.withUnsafeBufferPointer { k in
                    scores.withUnsafeMutableBufferPointer { s in
                        scratch.withUnsafeMutableBufferPointer { trainer.add(k, to: s.baseAddress!, scratch: $0.baseAddress!) }
                    }
                }
                let guess = scores.indices.max { scores[$0] < scores[$1] }!
                right += guess == label ? 1 : 0
                keys.withUnsafeBufferPointer { trainer.learn($0, truth: label, guess: guess) }
                trainer.countsFeatures = epoch == 1
            }
            progress("epoch \(epoch): \(right) of \(data.count) dyads right while training")
        }
        return EventTypeClassifier(
            labels: labels, weights: trainer.averaged(minimumCount: minimumCount), stems: stems, notes: notes)
    }

    /// The content words of an actor's description, lowercased: no articles, prepositions, titles or pronouns.
    static func contentWords(_ text: String) -> Set<String> {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        return Set(words.filter { $0.count > 1 && !stopWords.contains($0) })
    }

    /// Whether an entity's name or one of its mentions shares a content word with `words`.
    static func names(_ entity: Int, in document: Document, share words: Set<String>) -> Bool {
        let texts =
            [document.entities[entity].name] + document.entities[entity].mentions.map { document.string(document.mentions[$0].span) }
        return texts.contains { !contentWords($0).isDisjoint(with: words) }
    }

    /// Words that do not tell actors apart (`Resources/en/events/actor-stopwords.txt`).
    static let stopWords: Set<String> = {
        do {
            return Set(try Resource.lines("en/events", "actor-stopwords.txt").map(String.init))
        } catch {
            fatalError("Dossier's bundled word list is unreadable: \(error)")
        }
    }()
}
