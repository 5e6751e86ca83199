/// A Penn Treebank part-of-speech tag, spelled as CoNLL-2003 spells them ("NN", "VBD", "NNP"; `"` for a quote mark).
///
///     let (pos, _) = SyntaxTagger.english.tag(["Kim", "showed", "the", "missiles", "."])
///     pos[1].tag     // "VBD"
///     pos[1].isVerb  // true
public struct PartOfSpeech: Hashable, Sendable, CustomStringConvertible {
    /// The Penn Treebank tag, as the model spells it.
    public let tag: String
    /// What the tag names, for comparisons that need no string.
    public let kind: Kind

    public init(_ tag: String) {
        self.tag = tag
        self.kind = Kind(tag: tag)
    }

    public var description: String { tag }

    /// The parts of speech of the Penn Treebank, as CoNLL-2003 and UD English's XPOS spell them.
    public enum Kind: UInt8, Sendable {
        /// NN, NNS, NNP, NNPS, and CoNLL-2003's NN|SYM.
        case noun, pluralNoun, properNoun, pluralProperNoun, nounOrSymbol
        /// VB (base form), VBD, VBG (present participle or gerund), VBN, VBP (present, not third person singular), VBZ.
        case baseVerb, pastTense, gerund, pastParticiple, presentVerb, presentThirdPerson
        /// MD.
        case modal
        /// JJ, JJR, JJS.
        case adjective, comparativeAdjective, superlativeAdjective
        /// RB, RBR, RBS.
        case adverb, comparativeAdverb, superlativeAdverb
        /// DT, PDT, WDT.
        case determiner, predeterminer, whDeterminer
        /// PRP, PRP$ ("his"), WP, WP$, WRB.
        case personalPronoun, possessivePronoun, whPronoun, whPossessivePronoun, whAdverb
        /// IN (a preposition or subordinating conjunction), TO, CD, POS ("'s"), RP ("off" in "show off").
        case preposition, to, number, possessiveEnding, particle
        /// EX ("there is"), CC, FW, LS, SYM, UH.
        case existentialThere, conjunction, foreignWord, listMarker, symbol, interjection
        /// A tag with no letters: ".", ",", ":", `"`, "''", "(", ")", "$", "#".
        case punctuation
        /// A spelling the Penn Treebank does not have.
        case other

        init(tag: String) {
            switch tag {
            case "NN": self = .noun
            case "NNS": self = .pluralNoun
            case "NNP": self = .properNoun
            case "NNPS": self = .pluralProperNoun
            case "NN|SYM": self = .nounOrSymbol
            case "VB": self = .baseVerb
            case "VBD": self = .pastTense
            case "VBG": self = .gerund
            case "VBN": self = .pastParticiple
            case "VBP": self = .presentVerb
            case "VBZ": self = .presentThirdPerson
            case "MD": self = .modal
            case "JJ": self = .adjective
            case "JJR": self = .comparativeAdjective
            case "JJS": self = .superlativeAdjective
            case "RB": self = .adverb
            case "RBR": self = .comparativeAdverb
            case "RBS": self = .superlativeAdverb
            case "DT": self = .determiner
            case "PDT": self = .predeterminer
            case "WDT": self = .whDeterminer
            case "PRP": self = .personalPronoun
            case "PRP$": self = .possessivePronoun
            case "WP": self = .whPronoun
            case "WP$": self = .whPossessivePronoun
            case "WRB": self = .whAdverb
            case "IN": self = .preposition
            case "TO": self = .to
            case "CD": self = .number
            case "POS": self = .possessiveEnding
            case "RP": self = .particle
            case "EX": self = .existentialThere
            case "CC": self = .conjunction
            case "FW": self = .foreignWord
            case "LS": self = .listMarker
            case "SYM": self = .symbol
            case "UH": self = .interjection
            default:
                let hasLetter = tag.utf8.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
                self = hasLetter ? .other : .punctuation
            }
        }
    }

    /// A verb form: VB, VBD, VBG, VBN, VBP, VBZ (not the modal MD).
    public var isVerb: Bool {
        switch kind {
        case .baseVerb, .pastTense, .gerund, .pastParticiple, .presentVerb, .presentThirdPerson: true
        default: false
        }
    }
    /// A verb that may head a clause of its own: VB, VBD, VBP, VBZ (no participle).
    public var isFiniteOrBaseVerb: Bool {
        switch kind {
        case .baseVerb, .pastTense, .presentVerb, .presentThirdPerson: true
        default: false
        }
    }
    /// A past-tense verb (VBD).
    public var isPastTense: Bool { kind == .pastTense }
    /// A past participle (VBN): "was *praised*", "has *shown*".
    public var isPastParticiple: Bool { kind == .pastParticiple }
    /// A present participle or gerund (VBG): "is *meeting*", "*visiting* Kim".
    public var isGerund: Bool { kind == .gerund }
    /// A verb's base form (VB): "will *visit*", "to *stop*".
    public var isBaseVerb: Bool { kind == .baseVerb }
    /// A modal (MD): "will", "could".
    public var isModal: Bool { kind == .modal }
    /// A common or proper noun, singular or plural (NN, NNS, NNP, NNPS; NN|SYM).
    public var isNoun: Bool {
        switch kind {
        case .noun, .pluralNoun, .properNoun, .pluralProperNoun, .nounOrSymbol: true
        default: false
        }
    }
    /// A common noun, singular or plural (NN, NNS).
    public var isCommonNoun: Bool { kind == .noun || kind == .pluralNoun }
    /// A proper noun (NNP, NNPS).
    public var isProperNoun: Bool { kind == .properNoun || kind == .pluralProperNoun }
    /// A plural noun (NNS, NNPS).
    public var isPluralNoun: Bool { kind == .pluralNoun || kind == .pluralProperNoun }
    /// A personal, possessive or wh- pronoun (PRP, PRP$, WP, WP$).
    public var isPronoun: Bool {
        switch kind {
        case .personalPronoun, .possessivePronoun, .whPronoun, .whPossessivePronoun: true
        default: false
        }
    }
    /// A possessive pronoun (PRP$): "*his* visit".
    public var isPossessivePronoun: Bool { kind == .possessivePronoun }
    /// The possessive ending (POS): "Russia*'s*".
    public var isPossessiveEnding: Bool { kind == .possessiveEnding }
    /// An adjective, plain, comparative or superlative (JJ, JJR, JJS).
    public var isAdjective: Bool {
        switch kind {
        case .adjective, .comparativeAdjective, .superlativeAdjective: true
        default: false
        }
    }
    /// An adverb, plain, comparative or superlative (RB, RBR, RBS).
    public var isAdverb: Bool {
        switch kind {
        case .adverb, .comparativeAdverb, .superlativeAdverb: true
        default: false
        }
    }
    /// A determiner (DT, PDT, WDT).
    public var isDeterminer: Bool {
        switch kind {
        case .determiner, .predeterminer, .whDeterminer: true
        default: false
        }
    }
    /// A preposition or subordinating conjunction (IN), or "to" (TO).
    public var isPreposition: Bool { kind == .preposition || kind == .to }
    /// A cardinal number (CD).
    public var isNumber: Bool { kind == .number }
    /// Punctuation: a tag with no letters (".", ",", ":", `"`, "(", ")", ...); "$" and "#" count too.
    public var isPunctuation: Bool { kind == .punctuation }
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
