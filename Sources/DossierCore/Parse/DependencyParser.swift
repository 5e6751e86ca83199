/// An arc-hybrid dependency parser with an averaged perceptron, greedy (Goldberg and Nivre's dynamic oracle in
/// training) or keeping a beam of move sequences (trained on whole sequences, max-violation updates), reading the
/// words and the part-of-speech tags of ``SyntaxTagger``. It labels arcs with Universal Dependencies relations.
/// Immutable and safe to share between threads.
///
///     let tree = DependencyParser.english.parse(["Germany", "and", "France", "called", "for", "talks", "."])
///     tree.heads      // [3, 2?, 0, nil, ...]: "Germany" depends on "called", the root
///     tree.relations  // [nsubj, cc, conj, root, case, obl, punct]
public struct DependencyParser: Sendable {
    /// The relations, by label index.
    public let relations: [DependencyRelation]
    /// The tagger whose tags the parser reads; its tag list must be the one the parser was trained with.
    let tagger: SyntaxTagger
    let weights: PerceptronWeights
    /// ``weights`` laid out for scoring.
    let scorer: RowWeights
    let rootLabel: Int
    /// How many move sequences it keeps while it parses: 1 is greedy.
    public let beamWidth: Int
    /// What the model was trained on, its settings and its scores.
    public let notes: String

    /// The English model shipped in `Resources/en/parse`, trained on Universal Dependencies English (see the README
    /// there); loaded once.
    public static let english: DependencyParser = {
        do {
            return try DependencyParser(modelData: [UInt8](Resource.data("en/parse", "english.dpar")), tagger: .english)
        } catch {
            fatalError("Dossier's bundled parser model is unreadable: \(error)")
        }
    }()

    init(relations: [String], tagger: SyntaxTagger, weights: PerceptronWeights, notes: String, beamWidth: Int = 1) {
        self.init(
            relations: relations, tagger: tagger, weights: weights, scorer: RowWeights(weights), notes: notes, beamWidth: beamWidth)
    }

    /// The same model parsing with a beam of `width` sequences (1: greedy).
    public func withBeamWidth(_ width: Int) -> DependencyParser {
        DependencyParser(
            relations: relations.map(\.name), tagger: tagger, weights: weights, scorer: scorer, notes: notes, beamWidth: width)
    }

    private init(
        relations: [String], tagger: SyntaxTagger, weights: PerceptronWeights, scorer: RowWeights, notes: String, beamWidth: Int
    ) {
        self.relations = relations.map(DependencyRelation.init)
        self.tagger = tagger
        self.weights = weights
        self.scorer = scorer
        self.rootLabel = relations.firstIndex(of: "root") ?? 0
        self.notes = notes
        self.beamWidth = max(beamWidth, 1)
    }

    var moveCount: Int { 1 + 2 * relations.count }

    /// The tree of one sentence, as the tokenizer splits it ("Russia" "'s", "do" "n't").
    public func parse<Word: StringProtocol>(_ words: [Word]) -> DependencyTree { parseAndTag(words).tree }

    /// The tree of one sentence, and the part-of-speech tags the parser read.
    public func parseAndTag<Word: StringProtocol>(_ words: [Word]) -> (tree: DependencyTree, pos: [PartOfSpeech]) {
        let hashes = tagger.hashes(words)
        let tags = tagger.partsOfSpeechIndices(hashes)
        return (parse(hashes, tags: tags).tree, tags.map { tagger.posLabels[Int($0)] })
    }

    /// A sentence tagged for the parser, to parse with ``parse(_:)``: tagging and parsing timed apart.
    public struct Tagged {
        let hashes: [WordHashes]
        let tags: [UInt8]
    }

    /// The words as the parser reads them: their hashes and part-of-speech tags.
    public func tag<Word: StringProtocol>(_ words: [Word]) -> Tagged {
        let hashes = tagger.hashes(words)
        return Tagged(hashes: hashes, tags: tagger.partsOfSpeechIndices(hashes))
    }

    /// The tree of a sentence tagged by ``tag(_:)``.
    public func parse(_ tagged: Tagged) -> DependencyTree { parse(tagged.hashes, tags: tagged.tags).tree }

    /// The tree, given the words' ``SyntaxTagger/hashes(_:)`` and the tagger's tag indices.
    func parse(_ hashes: [WordHashes], tags: [UInt8]) -> (tree: DependencyTree, state: ArcHybrid) {
        let sentence = Self.sentence(hashes, tags: tags)
        if beamWidth > 1 {
            let state = beamParse(sentence, wordCount: tags.count)
            return (tree(state), state)
        }
        var state = ArcHybrid(wordCount: tags.count, labelCount: relations.count, rootLabel: rootLabel)
        var keys = [UInt32](repeating: 0, count: ParseFeatures.count)
        var scores = [Float](repeating: 0, count: scorer.width)
        var scratch = [UInt64](repeating: 0, count: ParseFeatures.count)
        keys.withUnsafeMutableBufferPointer { k in
            scores.withUnsafeMutableBufferPointer { s in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    let moves = UnsafeMutableBufferPointer(rebasing: s[0..<moveCount])
                    while !state.isFinal {
                        // A move that is the only one allowed is made unscored: the best of one.
                        if let only = state.onlyMove {
                            state.apply(only)
                            continue
                        }
                        ParseFeatures.extract(state, sentence, into: k.baseAddress!)
                        for m in 0..<s.count { s[m] = 0 }
                        scorer.add(UnsafeBufferPointer(k), to: s.baseAddress!, scratch: scratch.baseAddress!)
                        state.apply(Self.best(moves, state))
                    }
                }
            }
        }
        return (tree(state), state)
    }

    /// The best-scoring move that the state allows.
    @inline(__always)
    static func best(_ scores: UnsafeMutableBufferPointer<Float>, _ state: ArcHybrid) -> Int {
        var best = -1
        var bestScore = -Float.infinity
        for m in 0..<scores.count where (best < 0 || scores[m] > bestScore) && state.allows(m) {
            best = m
            bestScore = scores[m]
        }
        return best
    }

    func tree(_ state: ArcHybrid) -> DependencyTree {
        DependencyTree(
            heads: state.heads.dropFirst().map { $0 <= 0 ? nil : Int($0) - 1 },
            relations: state.labels.dropFirst().map { relations[Int($0)] })
    }

    /// The features' view of a sentence: the root, then its words.
    static func sentence(_ padded: [WordHashes], tags: [UInt8]) -> ParseFeatures.Sentence {
        let root: UInt64 = 0x524F_4F54
        var sentence = ParseFeatures.Sentence(
            words: [root], tags: [0xFD], suffixes: [root], clusters: [root], clusterPrefixes: [root])
        sentence.words.reserveCapacity(tags.count + 1)
        for (hashes, tag) in zip(padded.dropFirst(2), tags) {
            sentence.words.append(hashes.lower)
            sentence.tags.append(UInt64(tag))
            sentence.suffixes.append(hashes.suffix3)
            sentence.clusters.append(hashes.clusters[3])
            sentence.clusterPrefixes.append(hashes.clusters[1])
        }
        return sentence
    }
}

extension SyntaxTagger {
    /// Part-of-speech tag indices into ``posLabels``.
    func partsOfSpeechIndices<Word: StringProtocol>(_ words: [Word]) -> [UInt8] { partsOfSpeechIndices(hashes(words)) }
}

/// The model file ("DPAR", version 3; little-endian): the beam width it parses with (a 32-bit integer), the notes;
/// the part-of-speech tags it was trained with; its relations; then the perceptron's weights as ``SyntaxTagger``
/// writes them. Version 2 (the same features, greedy) has no beam width.
extension DependencyParser {
    static let magic: [UInt8] = Array("DPAR".utf8)
    static let version: UInt32 = 3

    /// Reads a model in the format ``modelData`` writes (`dossier train parse --out` makes one), for the tags of
    /// `tagger`.
    public init(modelData: [UInt8], tagger: SyntaxTagger) throws {
        var reader = ModelReader(bytes: modelData)
        guard try reader.bytes(4).elementsEqual(Self.magic) else { throw SyntaxModelError.notAModel }
        let version = try reader.integer(UInt32.self)
        guard version == 2 || version == Self.version else { throw SyntaxModelError.unsupportedVersion }
        let beamWidth = version == 2 ? 1 : try reader.integer(UInt32.self)
        guard (1...64).contains(beamWidth) else { throw SyntaxModelError.malformed }
        let notes = try reader.string()
        let tags = try reader.strings()
        let relations = try reader.strings()
        guard tags == tagger.posLabels.map(\.tag) else { throw SyntaxModelError.otherTags }
        guard !relations.isEmpty, relations.count <= 64, relations.contains("root") else {
            throw SyntaxModelError.malformed
        }
        let weights = try reader.weights(tagCount: 1 + 2 * relations.count)
        self.init(relations: relations, tagger: tagger, weights: weights, notes: notes, beamWidth: Int(beamWidth))
    }

    /// The model in its file format.
    public var modelData: [UInt8] {
        var writer = ModelWriter(Self.magic)
        writer.integer(Self.version)
        writer.integer(UInt32(beamWidth))
        writer.string(notes)
        writer.strings(tagger.posLabels.map(\.tag))
        writer.strings(relations.map(\.name))
        writer.weights(weights)
        return writer.bytes
    }
}
