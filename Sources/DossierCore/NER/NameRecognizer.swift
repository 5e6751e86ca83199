import Foundation

/// Finds the names of people, organisations, places and other named things (PER, ORG, LOC, MISC) in tokenised
/// sentences: a structured averaged perceptron over word, shape, affix, context, word-cluster, gazetteer and
/// document features, decoded with Viterbi over IOB2 tags. Immutable and safe to share between threads.
///
///     let tags = NameRecognizer.english.tag(["Sergei", "Shoigu", "met", "Kim", "Jong", "Un", "in", "Pyongyang", "."])
///     // ["B-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER", "O", "B-LOC", "O"]
public struct NameRecognizer: Sendable {
    let model: NameModel
    let features: NameFeatures

    /// The English model shipped in `Resources/en/ner`, trained on CoNLL-2003 (see the README there); loaded once.
    public static let english: NameRecognizer = {
        do {
            return try NameRecognizer(data: Resource.data("en/ner", "english.dner"))
        } catch {
            fatalError("Dossier's bundled name model is unreadable: \(error)")
        }
    }()

    init(model: NameModel) {
        self.model = model
        self.features = NameFeatures(clusters: model.clusters, gazetteer: model.gazetteer)
    }

    /// Reads a model in the format ``data`` writes (`dossier train ner --out` makes one).
    public init(data: Data) throws {
        self.init(model: try NameModel(serialised: data))
    }

    /// Reads a model file.
    public init(contentsOf url: URL) throws {
        try self.init(data: Data(contentsOf: url))
    }

    /// The same recogniser with other notes.
    public func with(notes: String) -> NameRecognizer {
        var model = model
        model.notes = notes
        return NameRecognizer(model: model)
    }

    /// The model in its compact file format.
    public var data: Data { model.serialised() }

    /// What the model was trained on, its settings and its scores.
    public var notes: String { model.notes }

    /// The IOB2 tags of one sentence's words ("B-PER", "I-PER", "O", ...). Prefer ``tag(sentences:)`` for a whole
    /// document: the other sentences tell whether a capitalised first word or a headline's word is a name.
    public func tag(_ words: [String]) -> [String] {
        tag(sentences: [words])[0]
    }

    /// The IOB2 tags of every sentence of one document.
    public func tag(sentences: [[String]]) -> [[String]] {
        tagIndices(sentences).map { $0.map { NameTag.labels[Int($0)] } }
    }

    /// The names in every sentence of one document.
    public func names(sentences: [[String]]) -> [[NameSpan]] {
        tag(sentences: sentences).map { NameSpan.spans($0) }
    }

    /// The tags of every sentence of one document, as indices into ``NameTag/labels``.
    /// The most words whose feature keys are all made before tagging; a longer text makes each sentence's keys as it
    /// goes, twice (same tags, less memory).
    static let wordsHeldAtOnce = 200_000

    func tagIndices(_ sentences: [[String]], wordsHeldAtOnce: Int = Self.wordsHeldAtOnce) -> [[UInt8]] {
        let document = features.document(sentences)
        if let packed = model.packed, sentences.reduce(0, { $0 + $1.count }) > wordsHeldAtOnce {
            // A text of a million words would hold some 200 MB of keys: each sentence's are made when it is read.
            return packed.tags(sentenceCount: sentences.count, keys: { features.keys(document, sentence: $0) }) { first in
                let elsewhere = TagsElsewhere(document.sentences, first)
                return { keys, s in features.setEarlier(&keys, document.sentences[s], first[s], elsewhere) }
            }
        }
        var keys = features.keys(document)
        if let packed = model.packed {
            return packed.tags(&keys) { features.setEarlier(&$0, document, $1) }
        }
        var tags: [[UInt8]]?
        for pass in model.passes {
            if tags != nil { features.setEarlier(&keys, document, tags) }
            tags = pass.decode(keys)
        }
        return tags ?? sentences.map { [UInt8](repeating: 0, count: $0.count) }
    }
}
