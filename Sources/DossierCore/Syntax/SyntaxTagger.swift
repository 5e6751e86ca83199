import Foundation

/// Tags the words of a sentence with Penn Treebank parts of speech and chunks them into phrases (NP, VP, PP, ...):
/// two greedy averaged perceptrons (Honnibal's tagger), the second reading the first's tags. Immutable and safe to
/// share between threads.
///
///     let (pos, chunks) = SyntaxTagger.english.tag(["Kim", "showed", "the", "missiles", "to", "Shoigu", "."])
///     pos.map(\.tag)     // ["NNP", "VBD", "DT", "NNS", "TO", "NNP", "."]
///     chunks.map(\.tag)  // ["B-NP", "B-VP", "B-NP", "I-NP", "B-PP", "B-NP", "O"]
public struct SyntaxTagger: Sendable {
    let posLabels: [PartOfSpeech]
    let chunkLabels: [ChunkTag]
    /// Frequent words that always had one tag in training, by ``WordHashes/form``.
    let tagDictionary: FormTable
    /// The word clusters the tagger's features (and the parser's) read.
    let clusters: WordClusters
    let posWeights: PerceptronWeights
    /// ``posWeights`` laid out for scoring, all sparse: the same sums in the same order, in half the bytes.
    let posScorer: RowWeights
    let chunkWeights: PerceptronWeights
    /// Whether chunk tag `t` may follow `p`: `[p * chunkLabels.count + t]`, row `chunkLabels.count` at the start.
    let chunkAllowed: [Bool]
    /// What the model was trained on, its settings and its scores.
    public let notes: String

    /// The English model shipped in `Resources/en/syntax`, trained on CoNLL-2003 (see the README there); loaded once.
    public static let english: SyntaxTagger = {
        do {
            return try SyntaxTagger(modelData: [UInt8](Resource.data("en/syntax", "english.dsyn")))
        } catch {
            fatalError("Dossier's bundled syntax model is unreadable: \(error)")
        }
    }()

    init(
        posLabels: [String], chunkLabels: [String], tagDictionary: [UInt64: UInt8], clusters: WordClusters,
        posWeights: PerceptronWeights, chunkWeights: PerceptronWeights, notes: String
    ) {
        self.posLabels = posLabels.map(PartOfSpeech.init)
        self.chunkLabels = chunkLabels.map(ChunkTag.init)
        self.tagDictionary = FormTable(tagDictionary)
        self.clusters = clusters
        self.posWeights = posWeights
        self.posScorer = RowWeights(posWeights, denseAbove: .max)
        self.chunkWeights = chunkWeights
        self.chunkAllowed = Self.allowedChunks(chunkLabels)
        self.notes = notes
    }

    /// Penn Treebank tags and chunk tags ("B-NP") for the words of one sentence, as the tokenizer splits them
    /// ("Russia" "'s", "do" "n't", "U.S.").
    public func tag(_ words: [Substring]) -> (pos: [PartOfSpeech], chunks: [ChunkTag]) {
        let (pos, chunks) = tagIndices(words)
        return (pos.map { posLabels[Int($0)] }, chunks.map { chunkLabels[Int($0)] })
    }

    /// ``tag(_:)-([Substring])`` for words held as strings.
    public func tag(_ words: [String]) -> (pos: [PartOfSpeech], chunks: [ChunkTag]) {
        tag(words.map { $0[...] })
    }

    /// The Penn Treebank tags alone, without chunking (about twice as fast).
    public func partsOfSpeech(_ words: [Substring]) -> [PartOfSpeech] {
        partsOfSpeechIndices(hashes(words)).map { posLabels[Int($0)] }
    }

    /// The words hashed for the features, with two paddings each side.
    func hashes<Word: StringProtocol>(_ words: [Word]) -> [WordHashes] { GreedyDecoder.padded(words, clusters: clusters) }

    /// Part-of-speech tag indices into ``posLabels``, given the words' ``hashes(_:)``.
    func partsOfSpeechIndices(_ padded: [WordHashes]) -> [UInt8] {
        GreedyDecoder.partsOfSpeech(padded, scorer: posScorer, dictionary: tagDictionary)
    }

    func tagIndices<Word: StringProtocol>(_ words: [Word]) -> (pos: [UInt8], chunks: [UInt8]) {
        let padded = hashes(words)
        let pos = partsOfSpeechIndices(padded)
        return (pos, GreedyDecoder.chunks(padded, tags: pos, scorer: chunkWeights, allowed: chunkAllowed))
    }

    /// IOB2: "I-X" only after "B-X" or "I-X".
    static func allowedChunks(_ labels: [String]) -> [Bool] {
        let count = labels.count
        return (0..<((count + 1) * count)).map { index in
            let (previous, tag) = (index / count, index % count)
            guard labels[tag].hasPrefix("I-") else { return true }
            return previous < count && labels[previous].count > 2 && labels[previous].dropFirst(2) == labels[tag].dropFirst(2)
        }
    }
}

/// The model file ("DSYN", version 2, little-endian): the notes; the part-of-speech and chunk labels; the tag
/// dictionary (64-bit word hash, tag); the word clusters (``ModelWriter/clusters(_:)``); then both perceptrons, each as a weight scale and, for each feature, its
/// 32-bit key, its number of weights and for each a tag byte and the weight quantised to a 16-bit integer.
extension SyntaxTagger {
    static let magic: [UInt8] = Array("DSYN".utf8)
    static let version: UInt32 = 2

    /// This tagger without the part-of-speech weights of magnitude `minimumWeight` or less: the many small weights of
    /// rare features change few tags, and each costs a lookup. The chunker's weights are kept whole.
    public func pruned(minimumWeight: Float) -> SyntaxTagger {
        SyntaxTagger(
            posLabels: posLabels.map(\.tag), chunkLabels: chunkLabels.map(\.tag), tagDictionary: tagDictionary.tags,
            clusters: clusters, posWeights: posWeights.pruned(minimumWeight: minimumWeight), chunkWeights: chunkWeights,
            notes: notes + "\npart-of-speech weights of magnitude \(minimumWeight) or less left out")
    }

    /// Reads a model in the format ``modelData`` writes (`dossier train pos --out` makes one).
    public init(modelData: [UInt8]) throws {
        var reader = ModelReader(bytes: modelData)
        guard try reader.bytes(4).elementsEqual(Self.magic) else { throw SyntaxModelError.notAModel }
        guard try reader.integer(UInt32.self) == Self.version else { throw SyntaxModelError.unsupportedVersion }
        let notes = try reader.string()
        let posLabels = try reader.strings()
        let chunkLabels = try reader.strings()
        let dictionaryCount = Int(try reader.integer(UInt32.self))
        var dictionary: [UInt64: UInt8] = [:]
        dictionary.reserveCapacity(dictionaryCount)
        for _ in 0..<dictionaryCount {
            let form = try reader.integer(UInt64.self)
            dictionary[form] = try reader.integer(UInt8.self)
        }
        guard dictionary.values.allSatisfy({ Int($0) < posLabels.count }), posLabels.count < 250, !chunkLabels.isEmpty
        else { throw SyntaxModelError.malformed }
        self.init(
            posLabels: posLabels, chunkLabels: chunkLabels, tagDictionary: dictionary, clusters: try reader.clusters(),
            posWeights: try reader.weights(tagCount: posLabels.count),
            chunkWeights: try reader.weights(tagCount: chunkLabels.count), notes: notes)
    }

    /// The model in its file format.
    public var modelData: [UInt8] {
        var writer = ModelWriter(Self.magic)
        writer.integer(Self.version)
        writer.string(notes)
        writer.strings(posLabels.map(\.tag))
        writer.strings(chunkLabels.map(\.tag))
        writer.integer(UInt32(tagDictionary.tags.count))
        for (form, tag) in tagDictionary.tags.sorted(by: { $0.key < $1.key }) {
            writer.integer(form)
            writer.integer(tag)
        }
        writer.clusters(clusters)
        writer.weights(posWeights)
        writer.weights(chunkWeights)
        return writer.bytes
    }
}

public enum SyntaxModelError: Error, CustomStringConvertible {
    case notAModel, unsupportedVersion, malformed, truncated, otherTags

    public var description: String {
        switch self {
        case .notAModel: "not a Dossier model of this kind (its header is another)"
        case .unsupportedVersion: "a syntax model of a version this Dossier cannot read"
        case .malformed: "the syntax model's tags are inconsistent"
        case .truncated: "the syntax model file is cut short"
        case .otherTags: "the parser model was trained with another part-of-speech tagger's tags"
        }
    }
}
