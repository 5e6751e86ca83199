/// A Penn Treebank part-of-speech tag, spelled as CoNLL-2003 spells them ("NN", "VBD", "NNP"; `"` for a quote mark).
///
///     let (pos, _) = SyntaxTagger.english.tag(["Kim", "showed", "the", "missiles", "."])
///     pos[1].tag     // "VBD"
///     pos[1].isVerb  // true
public struct PartOfSpeech: Hashable, Sendable, CustomStringConvertible {
    /// The Penn Treebank tag.
    public let tag: String

    public init(_ tag: String) { self.tag = tag }

    public var description: String { tag }

    /// A verb form: VB, VBD, VBG, VBN, VBP, VBZ (not the modal MD).
    public var isVerb: Bool { tag.hasPrefix("VB") }
    /// A past-tense verb (VBD).
    public var isPastTense: Bool { tag == "VBD" }
    /// A past participle (VBN): "was *praised*", "has *shown*".
    public var isPastParticiple: Bool { tag == "VBN" }
    /// A modal (MD): "will", "could".
    public var isModal: Bool { tag == "MD" }
    /// A common or proper noun, singular or plural (NN, NNS, NNP, NNPS).
    public var isNoun: Bool { tag.hasPrefix("NN") }
    /// A proper noun (NNP, NNPS).
    public var isProperNoun: Bool { tag.hasPrefix("NNP") }
    /// A plural noun (NNS, NNPS).
    public var isPluralNoun: Bool { tag == "NNS" || tag == "NNPS" }
    /// A personal, possessive or wh- pronoun (PRP, PRP$, WP, WP$).
    public var isPronoun: Bool { tag == "PRP" || tag == "PRP$" || tag == "WP" || tag == "WP$" }
    /// An adjective, plain, comparative or superlative (JJ, JJR, JJS).
    public var isAdjective: Bool { tag.hasPrefix("JJ") }
    /// An adverb, plain, comparative or superlative (RB, RBR, RBS).
    public var isAdverb: Bool { tag.hasPrefix("RB") }
    /// A determiner (DT, PDT, WDT).
    public var isDeterminer: Bool { tag == "DT" || tag == "PDT" || tag == "WDT" }
    /// A preposition or subordinating conjunction (IN), or "to" (TO).
    public var isPreposition: Bool { tag == "IN" || tag == "TO" }
    /// A cardinal number (CD).
    public var isNumber: Bool { tag == "CD" }
    /// Punctuation: a tag with no letters (".", ",", ":", `"`, "(", ")", ...); "$" and "#" count too.
    public var isPunctuation: Bool { !tag.utf8.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } }
}

/// A chunk tag in IOB2, as CoNLL-2003's chunk column has them: "B-NP" begins a noun phrase, "I-NP" continues it,
/// "O" is outside any chunk. Phrases: NP, VP, PP, ADJP, ADVP, SBAR, PRT, CONJP, INTJ, LST.
///
///     let (_, chunks) = SyntaxTagger.english.tag(["Kim", "showed", "the", "missiles", "."])
///     chunks.map(\.tag)  // ["B-NP", "B-VP", "B-NP", "I-NP", "O"]
///     ChunkTag.chunks(chunks).map(\.words)  // [0..<1, 1..<2, 2..<4]
public struct ChunkTag: Hashable, Sendable, CustomStringConvertible {
    /// "B-NP", "I-VP", "O", ...
    public let tag: String

    public init(_ tag: String) { self.tag = tag }

    public var description: String { tag }

    /// Whether the word begins a chunk ("B-").
    public var begins: Bool { tag.hasPrefix("B-") }
    /// Whether the word continues the chunk before it ("I-").
    public var continues: Bool { tag.hasPrefix("I-") }
    /// Whether the word is in no chunk ("O").
    public var isOutside: Bool { phrase == nil }
    /// The kind of phrase ("NP", "VP", "PP", ...), or nil outside chunks.
    public var phrase: String? { tag.utf8.count > 2 ? String(tag.dropFirst(2)) : nil }

    /// The chunks of a sentence's tags, as conlleval reads them (an "I-X" that follows no X chunk begins one).
    public static func chunks(_ tags: [ChunkTag]) -> [Chunk] {
        var chunks: [Chunk] = []
        var open: (phrase: String, start: Int)?
        for (i, tag) in tags.enumerated() {
            let phrase = tag.phrase
            if let current = open, tag.begins || phrase != current.phrase {
                chunks.append(Chunk(phrase: current.phrase, words: current.start..<i))
                open = nil
            }
            if open == nil, let phrase { open = (phrase, i) }
        }
        if let current = open { chunks.append(Chunk(phrase: current.phrase, words: current.start..<tags.count)) }
        return chunks
    }
}

/// A phrase found by the chunker: its kind and the words it covers.
public struct Chunk: Hashable, Sendable {
    /// "NP", "VP", "PP", ...
    public let phrase: String
    /// The indices of its words in the sentence.
    public let words: Range<Int>
}
